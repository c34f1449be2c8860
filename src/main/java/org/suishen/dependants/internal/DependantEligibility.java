package org.suishen.dependants.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.UUID;
import org.suishen.dependants.DependantKind;
import org.suishen.identity.Person;
import org.suishen.shared.problem.SuishenException;

/**
 * Who may be bound as a dependant (MISSION R1; 001 Q7): a minor under {@code minorAgeLimit} (18) of
 * this city or of any other province (no residence restriction), a person of {@code elderlyAge}
 * (60) or more, or a person the register flags as unable to apply alone. Ages are completed years
 * on the given day; a birthday counts from its first moment, and someone born on 29 February has
 * their birthday on 1 March in common years (the full years have passed only then). Foreigners and
 * people from Hong Kong, Macao and Taiwan qualify by the same rules, by the birth date in the
 * register.
 */
public final class DependantEligibility {

  private final int minorAgeLimit;
  private final int elderlyAge;

  public DependantEligibility(int minorAgeLimit, int elderlyAge) {
    if (minorAgeLimit < 1 || elderlyAge <= minorAgeLimit) {
      throw new IllegalArgumentException("need 0 < minorAgeLimit < elderlyAge");
    }
    this.minorAgeLimit = minorAgeLimit;
    this.elderlyAge = elderlyAge;
  }

  /** Why the person may be bound on that day, or empty if they may not. */
  public Optional<DependantKind> kindOn(Person person, LocalDate day) {
    if (person.birthDate().isAfter(day)) {
      return Optional.empty();
    }
    int age = ageOn(person.birthDate(), day);
    if (age < minorAgeLimit) {
      return Optional.of(DependantKind.MINOR);
    }
    if (age >= elderlyAge) {
      return Optional.of(DependantKind.ELDERLY);
    }
    if (person.disabilityCertificate()) {
      return Optional.of(DependantKind.SPECIAL_GROUP);
    }
    return Optional.empty();
  }

  /**
   * The kind under which the holder may bind the dependant on that day; refuses a person binding
   * themselves ({@code dependants.self}) and a person who is not eligible ({@code
   * dependants.not-eligible}).
   */
  public DependantKind check(UUID holderPersonId, Person dependant, LocalDate day) {
    if (dependant.id().equals(holderPersonId)) {
      throw SuishenException.badInput("dependants.self");
    }
    return kindOn(dependant, day)
        .orElseThrow(
            () -> SuishenException.badInput("dependants.not-eligible", minorAgeLimit, elderlyAge));
  }

  /** Completed years between the birth date and the day. */
  public static int ageOn(LocalDate birthDate, LocalDate day) {
    return Period.between(birthDate, day).getYears();
  }
}
