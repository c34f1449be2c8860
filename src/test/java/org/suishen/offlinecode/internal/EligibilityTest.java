package org.suishen.offlinecode.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.suishen.identity.DocumentType;
import org.suishen.identity.IdentityDocument;
import org.suishen.identity.Person;
import org.suishen.identity.Sex;

/** O2: under 18, 60 and older (the birthday included), certificate holders; nobody else. */
class EligibilityTest {

  static final LocalDate TODAY = LocalDate.of(2026, 4, 2);

  final Eligibility eligibility = new Eligibility(18, 60);

  static Person born(LocalDate birthDate, boolean certificate) {
    return new Person(
        UUID.randomUUID(),
        new IdentityDocument(DocumentType.RESIDENT_ID, "110101199001011234"),
        "测试",
        Sex.MALE,
        birthDate,
        null,
        null,
        null,
        certificate);
  }

  @Test
  void aMinorUpToTheDayBefore18() {
    assertThat(eligibility.eligible(born(TODAY.minusYears(18).plusDays(1), false), TODAY)).isTrue();
    assertThat(eligibility.eligible(born(TODAY.minusYears(18), false), TODAY)).isFalse();
  }

  @Test
  void anElderFromThe60thBirthday() {
    assertThat(eligibility.eligible(born(TODAY.minusYears(60), false), TODAY)).isTrue();
    assertThat(eligibility.eligible(born(TODAY.minusYears(60).plusDays(1), false), TODAY))
        .isFalse();
  }

  @Test
  void aCertificateHolderOfAnyAgeAndNotAFortyYearOld() {
    assertThat(eligibility.eligible(born(TODAY.minusYears(40), true), TODAY)).isTrue();
    assertThat(eligibility.eligible(born(TODAY.minusYears(40), false), TODAY)).isFalse();
  }
}
