package org.suishen.declaration.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.declaration.HealthDeclaration;
import org.suishen.declaration.internal.Regions;

/**
 * A declaration as its owner, or the holder who declares for them, sees it (API and page). {@code
 * declaredBy} names the holder and the binding when a family member declared; null when the person
 * declared themselves.
 */
@Schema(description = "A health declaration (健康信息登记)")
record DeclarationView(
    @Schema(example = "3c6f1e2a-9b8d-4c7e-a1f0-2b3c4d5e6f70") UUID id,
    @Schema(example = "2026-11-21T01:30:05Z") Instant declaredAt,
    @Schema(description = "Symptoms declared; empty when none", example = "[\"COUGH\"]")
        List<String> symptoms,
    @Schema(example = "true") boolean hasSymptoms,
    @Schema(description = "°C, one decimal", example = "36.6") BigDecimal temperature,
    List<Visit> regionVisits,
    @Schema(example = "false") boolean contactWithCases,
    @Schema(example = "false") boolean arrivingFromOtherRegion,
    @Schema(description = "The family member who declared for the person; null when self-declared")
        @Nullable Holder declaredBy) {

  /** {@code province} names the province-level division, for display. */
  @Schema(name = "RegionVisitView", description = "A region stayed in within the last 14 days")
  record Visit(
      @Schema(example = "420100") String regionCode,
      @Schema(example = "420000") String province,
      @Schema(example = "2026-11-18") LocalDate arrivedOn) {}

  /** The holder who declared through a standing binding. */
  record Holder(
      @Schema(
              description = "The holder's person id",
              example = "0f8e2c1a-3b4d-4e5f-8a9b-1c2d3e4f5a6b")
          UUID holderPersonId,
      @Schema(
              description = "The binding the holder declared through",
              example = "7d0c9b8a-1e2f-4a3b-9c4d-5e6f7a8b9c0d")
          UUID bindingId) {}

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
        d.arrivingFromOtherRegion(),
        d.declaredBy() == null
            ? null
            : new Holder(d.declaredBy().holderPersonId(), d.declaredBy().bindingId()));
  }
}
