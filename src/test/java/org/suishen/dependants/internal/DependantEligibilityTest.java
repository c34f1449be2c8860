package org.suishen.dependants.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.suishen.dependants.DependantKind;
import org.suishen.identity.DocumentType;
import org.suishen.identity.IdentityDocument;
import org.suishen.identity.Person;
import org.suishen.identity.Sex;
import org.suishen.shared.problem.SuishenException;

class DependantEligibilityTest {

  private final DependantEligibility policy = new DependantEligibility(18, 60);

  @Test
  void aMinorOf17Years364DaysMayBeBound() {
    var child = resident("310104", LocalDate.of(2008, 6, 15));
    assertThat(policy.kindOn(child, LocalDate.of(2026, 6, 14))).contains(DependantKind.MINOR);
  }

  @Test
  void onThe18thBirthdayAPersonIsNoLongerAMinor() {
    var child = resident("310104", LocalDate.of(2008, 6, 15));
    assertThat(policy.kindOn(child, LocalDate.of(2026, 6, 15))).isEmpty();
  }

  @Test
  void aNewbornIsAMinor() {
    var baby = resident("310104", LocalDate.of(2026, 6, 15));
    assertThat(policy.kindOn(baby, LocalDate.of(2026, 6, 15))).contains(DependantKind.MINOR);
  }

  @Test
  void someoneNotYetBornOnTheDayIsNotEligible() {
    var unborn = resident("310104", LocalDate.of(2026, 6, 16));
    assertThat(policy.kindOn(unborn, LocalDate.of(2026, 6, 15))).isEmpty();
  }

  @Test
  void theDayBeforeThe60thBirthdayIsNotElderly() {
    var adult = resident("310104", LocalDate.of(1966, 6, 15));
    assertThat(policy.kindOn(adult, LocalDate.of(2026, 6, 14))).isEmpty();
  }

  @Test
  void the60thBirthdayItselfCounts() {
    var elder = resident("310104", LocalDate.of(1966, 6, 15));
    assertThat(policy.kindOn(elder, LocalDate.of(2026, 6, 15))).contains(DependantKind.ELDERLY);
    assertThat(policy.kindOn(elder, LocalDate.of(2046, 1, 1))).contains(DependantKind.ELDERLY);
  }

  @Test
  void bornOn29FebruaryAMinorStaysAMinorThrough28FebruaryOfACommonYear() {
    var child = resident("310104", LocalDate.of(2008, 2, 29));
    assertThat(policy.kindOn(child, LocalDate.of(2026, 2, 28))).contains(DependantKind.MINOR);
    assertThat(policy.kindOn(child, LocalDate.of(2026, 3, 1))).isEmpty();
  }

  @Test
  void bornOn29FebruaryTheElderlyAgeIsReachedOn29FebruaryOfALeapYear() {
    var elder = resident("310104", LocalDate.of(1964, 2, 29));
    assertThat(policy.kindOn(elder, LocalDate.of(2024, 2, 28))).isEmpty();
    assertThat(policy.kindOn(elder, LocalDate.of(2024, 2, 29))).contains(DependantKind.ELDERLY);
  }

  @Test
  void bornOn29FebruaryTheElderlyAgeIsReachedOn1MarchOfACommonYear() {
    // 1840 was a leap year, 1900 was not: the 60th birthday falls in a common year
    var elder = resident("310104", LocalDate.of(1840, 2, 29));
    assertThat(policy.kindOn(elder, LocalDate.of(1900, 2, 28))).isEmpty();
    assertThat(policy.kindOn(elder, LocalDate.of(1900, 3, 1))).contains(DependantKind.ELDERLY);
  }

  @Test
  void minorsOfOtherProvincesQualifyWithoutAnyResidenceInTheCity() {
    var guangzhou =
        person(DocumentType.RESIDENT_ID, "440106201501011234", LocalDate.of(2015, 1, 1));
    assertThat(guangzhou.householdId()).isNull();
    assertThat(policy.kindOn(guangzhou, LocalDate.of(2026, 6, 15))).contains(DependantKind.MINOR);
  }

  @Test
  void foreignersQualifyByAgeFromTheBirthDateInTheRegister() {
    var child = person(DocumentType.FOREIGN_PASSPORT, "E12345678", LocalDate.of(2019, 5, 1));
    var elder = person(DocumentType.FOREIGN_PASSPORT, "P98765432", LocalDate.of(1950, 5, 1));
    var adult = person(DocumentType.FOREIGN_PASSPORT, "X11112222", LocalDate.of(1990, 5, 1));
    var day = LocalDate.of(2026, 6, 15);
    assertThat(policy.kindOn(child, day)).contains(DependantKind.MINOR);
    assertThat(policy.kindOn(elder, day)).contains(DependantKind.ELDERLY);
    assertThat(policy.kindOn(adult, day)).isEmpty();
  }

  @Test
  void anAdultFlaggedAsUnableToApplyAloneIsASpecialGroup() {
    var adult = withCertificate(resident("310104", LocalDate.of(1996, 6, 15)));
    assertThat(policy.kindOn(adult, LocalDate.of(2026, 6, 15)))
        .contains(DependantKind.SPECIAL_GROUP);
  }

  @Test
  void anAdultOf30IsRefusedWithTheConfiguredFigures() {
    var adult = resident("310104", LocalDate.of(1996, 6, 15));
    assertThatThrownBy(() -> policy.check(UUID.randomUUID(), adult, LocalDate.of(2026, 6, 15)))
        .isInstanceOfSatisfying(
            SuishenException.class,
            e -> {
              assertThat(e.code()).isEqualTo("dependants.not-eligible");
              assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
              assertThat(e.arguments()).containsExactly(18, 60);
            });
  }

  @Test
  void nobodyMayBindThemselves() {
    var elder = resident("310104", LocalDate.of(1950, 1, 1));
    assertThatThrownBy(() -> policy.check(elder.id(), elder, LocalDate.of(2026, 6, 15)))
        .isInstanceOfSatisfying(
            SuishenException.class, e -> assertThat(e.code()).isEqualTo("dependants.self"));
  }

  @Test
  void checkNamesTheKind() {
    var elder = resident("310104", LocalDate.of(1950, 1, 1));
    assertThat(policy.check(UUID.randomUUID(), elder, LocalDate.of(2026, 6, 15)))
        .isEqualTo(DependantKind.ELDERLY);
  }

  @Test
  void theFiguresAreConfiguration() {
    var strict = new DependantEligibility(16, 65);
    var sixteen = resident("310104", LocalDate.of(2010, 6, 15));
    var sixtyTwo = resident("310104", LocalDate.of(1964, 6, 15));
    var day = LocalDate.of(2026, 6, 15);
    assertThat(strict.kindOn(sixteen, day)).isEmpty();
    assertThat(strict.kindOn(sixtyTwo, day)).isEmpty();
    assertThat(policy.kindOn(sixtyTwo, day)).contains(DependantKind.ELDERLY);
    assertThatThrownBy(() -> new DependantEligibility(60, 18))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Person resident(String region, LocalDate birth) {
    return person(DocumentType.RESIDENT_ID, region + "-" + birth, birth);
  }

  private static Person person(DocumentType type, String number, LocalDate birth) {
    return new Person(
        UUID.randomUUID(),
        new IdentityDocument(type, number),
        "测试",
        Sex.FEMALE,
        birth,
        null,
        null,
        null,
        false);
  }

  private static Person withCertificate(Person p) {
    return new Person(
        p.id(),
        p.document(),
        p.name(),
        p.sex(),
        p.birthDate(),
        p.householdId(),
        p.district(),
        p.photoFile(),
        true);
  }
}
