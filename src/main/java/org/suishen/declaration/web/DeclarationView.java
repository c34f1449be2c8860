package org.suishen.declaration.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.suishen.declaration.HealthDeclaration;
import org.suishen.declaration.internal.Regions;

/** A declaration as its owner sees it (API and page). */
record DeclarationView(
    @Schema(example = "6f1c2b1e-8a51-4c1e-9d0a-3f1e2d4c5b6a") UUID id,
    @Schema(example = "2026-04-02T08:30:00.123456Z") Instant declaredAt,
    @Schema(description = "Symptom names; empty when none was declared", example = "[]")
        List<String> symptoms,
    boolean hasSymptoms,
    @Schema(example = "36.6") BigDecimal temperature,
    List<Visit> regionVisits,
    boolean contactWithCases,
    boolean arrivingFromOtherRegion) {

  /** {@code province} names the province-level division, for display. */
  record Visit(
      @Schema(example = "420100") String regionCode,
      @Schema(description = "The province-level division", example = "420000") String province,
      @Schema(example = "2026-03-30") LocalDate arrivedOn) {}

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
