package org.suishen.dependants;

/** Why a person may be bound as a dependant (MISSION R1; 001 Q7). */
public enum DependantKind {
  /** Under the minor-age limit (18), of this city or of another province. */
  MINOR,
  /** At or over the elderly age (60); the birthday itself counts. */
  ELDERLY,
  /**
   * Flagged in the population register as unable to apply alone (e.g. a disability certificate).
   */
  SPECIAL_GROUP
}
