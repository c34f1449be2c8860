package org.suishen.dependants.internal;

import java.time.LocalDate;
import java.util.Optional;
import org.suishen.dependants.DependantKind;
import org.suishen.identity.Person;

/**
 * A binding made because the dependant was a minor lapses when the dependant comes of age (MISSION
 * R1: minors are those under 18), unless another ground of {@link DependantEligibility} holds on
 * the day (a disability certificate; the elderly age). Ages follow {@link DependantEligibility}:
 * the {@code minorAgeLimit}th birthday counts from its first moment, and someone born on 29
 * February comes of age on 1 March in common years.
 */
public final class ComingOfAge {

  /** What becomes of a minor binding on a day. */
  public enum Outcome {
    /** The dependant is still a minor: the binding stands. */
    STILL_MINOR,
    /** Of age, and another ground holds: the binding stands on that ground. */
    OTHER_GROUND,
    /** Of age and no other ground: the binding ends. */
    LAPSES
  }

  /**
   * @param ground the ground the binding rests on from now on (for {@link Outcome#OTHER_GROUND})
   */
  public record Verdict(Outcome outcome, Optional<DependantKind> ground) {}

  private final DependantEligibility eligibility;
  private final int minorAgeLimit;

  public ComingOfAge(DependantEligibility eligibility, int minorAgeLimit) {
    this.eligibility = eligibility;
    this.minorAgeLimit = minorAgeLimit;
  }

  /** Whether someone born on {@code birthDate} is of age on {@code day}. */
  public boolean ofAge(LocalDate birthDate, LocalDate day) {
    return DependantEligibility.ageOn(birthDate, day) >= minorAgeLimit;
  }

  /**
   * The latest birth date of someone of age on {@code day}: everyone born on or before it is of age
   * ({@link #ofAge} holds exactly for those birth dates).
   */
  public LocalDate latestBirthDateOfAge(LocalDate day) {
    return day.minusYears(minorAgeLimit);
  }

  /** What becomes of a binding that rests on the dependant being a minor, on that day. */
  public Verdict of(Person dependant, LocalDate day) {
    if (!ofAge(dependant.birthDate(), day)) {
      return new Verdict(Outcome.STILL_MINOR, Optional.empty());
    }
    return eligibility
        .kindOn(dependant, day)
        .filter(kind -> kind != DependantKind.MINOR)
        .map(kind -> new Verdict(Outcome.OTHER_GROUND, Optional.of(kind)))
        .orElseGet(() -> new Verdict(Outcome.LAPSES, Optional.empty()));
  }
}
