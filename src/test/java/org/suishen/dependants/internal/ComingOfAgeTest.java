package org.suishen.dependants.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.suishen.dependants.DependantKind;
import org.suishen.dependants.internal.ComingOfAge.Outcome;
import org.suishen.identity.DocumentType;
import org.suishen.identity.IdentityDocument;
import org.suishen.identity.Person;
import org.suishen.identity.Sex;

class ComingOfAgeTest {

  private final ComingOfAge rule = new ComingOfAge(new DependantEligibility(18, 60), 18);

  private static Person bornOn(LocalDate birthDate, boolean disabilityCertificate) {
    return new Person(
        UUID.randomUUID(),
        IdentityDocument.of(DocumentType.FOREIGN_PASSPORT, "E12345678"),
        "Test Person",
        Sex.FEMALE,
        birthDate,
        null,
        null,
        null,
        disabilityCertificate);
  }

  @Test
  void seventeenYearsAnd364DaysIsStillAMinor() {
    var child = bornOn(LocalDate.of(2008, 6, 15), false);
    assertThat(rule.of(child, LocalDate.of(2026, 6, 14)).outcome()).isEqualTo(Outcome.STILL_MINOR);
    assertThat(rule.ofAge(child.birthDate(), LocalDate.of(2026, 6, 14))).isFalse();
  }

  @Test
  void theBindingLapsesOnThe18thBirthdayItself() {
    var child = bornOn(LocalDate.of(2008, 6, 15), false);
    assertThat(rule.of(child, LocalDate.of(2026, 6, 15)).outcome()).isEqualTo(Outcome.LAPSES);
    assertThat(rule.of(child, LocalDate.of(2030, 1, 1)).outcome()).isEqualTo(Outcome.LAPSES);
  }

  @Test
  void born29FebruaryComesOfAgeOn1MarchInACommonYear() {
    var child = bornOn(LocalDate.of(2008, 2, 29), false);
    assertThat(rule.of(child, LocalDate.of(2026, 2, 28)).outcome()).isEqualTo(Outcome.STILL_MINOR);
    assertThat(rule.of(child, LocalDate.of(2026, 3, 1)).outcome()).isEqualTo(Outcome.LAPSES);
    // the same day as DependantEligibility counts: a minor on 28 Feb, not on 1 Mar
    var eligibility = new DependantEligibility(18, 60);
    assertThat(eligibility.kindOn(child, LocalDate.of(2026, 2, 28))).contains(DependantKind.MINOR);
    assertThat(eligibility.kindOn(child, LocalDate.of(2026, 3, 1))).isEmpty();
  }

  @Test
  void birthdaysAroundTheEndOfFebruaryInA18thYearThatIsALeapYear() {
    var born28Feb = bornOn(LocalDate.of(2010, 2, 28), false);
    assertThat(rule.of(born28Feb, LocalDate.of(2028, 2, 27)).outcome())
        .isEqualTo(Outcome.STILL_MINOR);
    assertThat(rule.of(born28Feb, LocalDate.of(2028, 2, 28)).outcome()).isEqualTo(Outcome.LAPSES);
    var born1Mar = bornOn(LocalDate.of(2010, 3, 1), false);
    assertThat(rule.of(born1Mar, LocalDate.of(2028, 2, 29)).outcome())
        .isEqualTo(Outcome.STILL_MINOR);
    assertThat(rule.of(born1Mar, LocalDate.of(2028, 3, 1)).outcome()).isEqualTo(Outcome.LAPSES);
    var born29FebIn2012 = bornOn(LocalDate.of(2012, 2, 29), false);
    assertThat(rule.of(born29FebIn2012, LocalDate.of(2030, 2, 28)).outcome())
        .isEqualTo(Outcome.STILL_MINOR);
    assertThat(rule.of(born29FebIn2012, LocalDate.of(2030, 3, 1)).outcome())
        .isEqualTo(Outcome.LAPSES);
  }

  @Test
  void aDisabilityCertificateKeepsTheBindingOnThatGround() {
    var child = bornOn(LocalDate.of(2008, 6, 15), true);
    assertThat(rule.of(child, LocalDate.of(2026, 6, 14)).outcome()).isEqualTo(Outcome.STILL_MINOR);
    var verdict = rule.of(child, LocalDate.of(2026, 6, 15));
    assertThat(verdict.outcome()).isEqualTo(Outcome.OTHER_GROUND);
    assertThat(verdict.ground()).contains(DependantKind.SPECIAL_GROUP);
  }

  @Test
  void theLatestBirthDateOfAgeSelectsExactlyThePeopleOfAge() {
    // the job's query (born on or before the date) and the rule agree on every day of 8 years
    for (LocalDate day = LocalDate.of(2021, 1, 1);
        day.isBefore(LocalDate.of(2029, 1, 1));
        day = day.plusDays(1)) {
      LocalDate cutoff = rule.latestBirthDateOfAge(day);
      for (LocalDate b = cutoff.minusDays(3); !b.isAfter(cutoff.plusDays(3)); b = b.plusDays(1)) {
        assertThat(!b.isAfter(cutoff)).as("born %s, on %s", b, day).isEqualTo(rule.ofAge(b, day));
      }
    }
    assertThat(rule.latestBirthDateOfAge(LocalDate.of(2026, 2, 28)))
        .isEqualTo(LocalDate.of(2008, 2, 28));
    assertThat(rule.latestBirthDateOfAge(LocalDate.of(2026, 3, 1)))
        .isEqualTo(LocalDate.of(2008, 3, 1));
  }
}
