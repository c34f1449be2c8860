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
public record DeclarationForm(
    @Schema(example = "[\"NONE\"]") @Nullable List<@Nullable String> symptoms,
    @Schema(example = "36.6") @Nullable BigDecimal temperature,
    @Nullable List<@Nullable Visit> regionVisits,
    @Schema(example = "false") @Nullable Boolean contactWithCases,
    @Schema(example = "false") @Nullable Boolean arrivingFromOtherRegion) {

  /** One region row as entered. */
  public record Visit(
      @Schema(example = "420100") @Nullable String regionCode,
      @Schema(example = "2026-03-30") @Nullable String arrivedOn) {}
}
