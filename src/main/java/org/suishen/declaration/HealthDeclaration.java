package org.suishen.declaration;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One health declaration as submitted; declarations are never changed, a new one supersedes the
 * last.
 *
 * @param symptoms the symptoms declared; empty when the person declared none
 * @param temperature body temperature in °C, one decimal
 * @param regionVisits regions stayed in within the last 14 days, with arrival days
 * @param contactWithCases contact with confirmed or suspected cases
 * @param arrivingFromOtherRegion arriving in the city from another region
 */
public record HealthDeclaration(
    UUID id,
    UUID personId,
    Instant declaredAt,
    Set<Symptom> symptoms,
    BigDecimal temperature,
    List<RegionVisit> regionVisits,
    boolean contactWithCases,
    boolean arrivingFromOtherRegion) {

  public HealthDeclaration {
    symptoms = Set.copyOf(symptoms);
    regionVisits = List.copyOf(regionVisits);
  }

  public boolean hasSymptoms() {
    return !symptoms.isEmpty();
  }
}
