package org.suishen.healthcode;

import java.util.Optional;
import java.util.UUID;

/**
 * The rule that decides whether a registered person may be shown a health code at all (H1: only
 * after a health-information declaration): an adapter over the declaration context's {@code
 * HealthCodeEligibility.mayReceiveHealthCode}. Required by everyone who shows a code: there is no
 * allow-everyone fallback, and without the bean the application does not start (fail closed).
 */
public interface CodeIssuanceGate {

  boolean mayReceiveHealthCode(UUID personId);

  /**
   * For the person's own live code, the busiest call: whether they may be shown one and, if so,
   * whether the code page sends them to a fever clinic (their latest declaration reports a symptom
   * or a fever), from one read. Empty when they may not be shown a code.
   */
  Optional<Admission> admit(UUID personId);

  /** A person who may be shown a code, and what the page tells them beside it. */
  record Admission(boolean feverClinicAdvice) {}
}
