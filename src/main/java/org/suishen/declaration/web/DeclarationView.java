package org.suishen.declaration.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.suishen.declaration.HealthDeclaration;
import org.suishen.declaration.internal.Regions;

/** A declaration as its owner sees it (API and page). */
record DeclarationView(
    UUID id,
    Instant declaredAt,
    List<String> symptoms,
    boolean hasSymptoms,
    BigDecimal temperature,
    List<Visit> regionVisits,
    boolean contactWithCases,
    boolean arrivingFromOtherRegion) {

  /** {@code province} names the province-level division, for display. */
  record Visit(String regionCode, String province, LocalDate arrivedOn) {}

  static DeclarationView of(HealthDeclaration d) {
    return new DeclarationView(
        d.id(),
        d.declaredAt(),
        d.symptoms().stream().map(Enum::name).sorted().toList(),
        d.hasSymptoms(),
        d.temperature(),
        d.regionVisits().stream()
            .map(v -> new Visit(v.regionCode(), Regions.provinceOf(v.regionCode()), v.arrivedOn()))
            .toList(),
        d.contactWithCases(),
        d.arrivingFromOtherRegion());
  }
}
