package org.suishen.declaration;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person submitted a health declaration; the status engine re-evaluates the person's colour from
 * it (MISSION H2).
 *
 * @param symptoms whether a symptom or a fever (see {@link FeverClinicAdvice}) was declared
 */
public record HealthDeclared(
    UUID personId,
    UUID declarationId,
    Instant declaredAt,
    List<RegionVisit> visits,
    boolean contactWithCases,
    boolean symptoms) {

  public HealthDeclared {
    visits = List.copyOf(visits);
  }
}
