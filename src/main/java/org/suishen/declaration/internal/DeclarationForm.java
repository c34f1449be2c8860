package org.suishen.declaration.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A health declaration as entered, before the rules checked it.
 *
 * @param symptoms names of {@link org.suishen.declaration.Symptom}, or {@code NONE} alone
 * @param regionVisits regions with arrival days ({@code yyyy-MM-dd})
 */
@Schema(description = "A health declaration as entered (the same for oneself and for a dependant)")
public record DeclarationForm(
    @Schema(
            description =
                "FEVER, COUGH, FATIGUE, SORE_THROAT, LOSS_OF_TASTE_OR_SMELL, or NONE alone",
            example = "[\"NONE\"]")
        @Nullable List<@Nullable String> symptoms,
    @Schema(description = "°C, 34.0-42.5", example = "36.6") @Nullable BigDecimal temperature,
    @Nullable List<@Nullable Visit> regionVisits,
    @Schema(example = "false") @Nullable Boolean contactWithCases,
    @Schema(example = "false") @Nullable Boolean arrivingFromOtherRegion) {

  /** One region row as entered. */
  @Schema(name = "RegionVisitForm", description = "A region stayed in, as entered")
  public record Visit(
      @Schema(description = "GB/T 2260 code", example = "420100") @Nullable String regionCode,
      @Schema(description = "yyyy-MM-dd, within the last 14 days", example = "2026-11-18")
          @Nullable String arrivedOn) {}
}
