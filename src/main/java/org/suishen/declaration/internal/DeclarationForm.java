package org.suishen.declaration.internal;

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
    @Nullable List<@Nullable String> symptoms,
    @Nullable BigDecimal temperature,
    @Nullable List<@Nullable Visit> regionVisits,
    @Nullable Boolean contactWithCases,
    @Nullable Boolean arrivingFromOtherRegion) {

  /** One region row as entered. */
  public record Visit(@Nullable String regionCode, @Nullable String arrivedOn) {}
}
