package org.suishen.declaration;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One health declaration as submitted; declarations are never changed, a new one supersedes the
 * last.
 *
 * @param symptoms the symptoms declared; empty when the person declared none
 * @param temperature body temperature in °C, one decimal
 * @param regionVisits regions stayed in within the last 14 days, with arrival days
 * @param contactWithCases contact with confirmed or suspected cases
 * @param arrivingFromOtherRegion arriving in the city from another region
 * @param declaredBy the family member who declared for the person through a standing binding;
 *     {@code null} when the person declared themselves
 */
public record HealthDeclaration(
    UUID id,
    UUID personId,
    Instant declaredAt,
    Set<Symptom> symptoms,
    BigDecimal temperature,
    List<RegionVisit> regionVisits,
    boolean contactWithCases,
    boolean arrivingFromOtherRegion,
    @Nullable DeclaredBy declaredBy) {

  public HealthDeclaration {
    symptoms = Set.copyOf(symptoms);
    regionVisits = List.copyOf(regionVisits);
  }

  /** A declaration the person made themselves. */
  public HealthDeclaration(
      UUID id,
      UUID personId,
      Instant declaredAt,
      Set<Symptom> symptoms,
      BigDecimal temperature,
      List<RegionVisit> regionVisits,
      boolean contactWithCases,
      boolean arrivingFromOtherRegion) {
    this(
        id,
        personId,
        declaredAt,
        symptoms,
        temperature,
        regionVisits,
        contactWithCases,
        arrivingFromOtherRegion,
        null);
  }

  public boolean hasSymptoms() {
    return !symptoms.isEmpty();
  }
}
