package org.suishen.status.internal.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suishen.status.internal.policy.Facts.at;
import static org.suishen.status.internal.policy.Facts.person;
import static org.suishen.status.internal.policy.Facts.startOf;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.suishen.status.Colour;

class StatusEvaluatorTest {

  static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);

  static StatusEvaluator evaluator(int observationDays, boolean noRecentTest, int testDays) {
    return new StatusEvaluator(
        List.of(
            new MedicalManagementPolicy(),
            new KeyRegionArrivalPolicy(observationDays, Facts.CITY),
            new NoRecentTestPolicy(noRecentTest, testDays)));
  }

  final StatusEvaluator evaluator = evaluator(14, false, 3);

  @Test
  void aPersonWithoutFactsIsGreenForGood() {
    Verdict verdict = evaluator.evaluate(person().build(), at(2026, 3, 1, 12, 0));

    assertThat(verdict.colour()).isEqualTo(Colour.GREEN);
    assertThat(verdict.rule()).isEqualTo("no-anomaly");
    assertThat(verdict.reason()).isEqualTo("no-anomaly");
    assertThat(verdict.validUntil()).isNull();
    assertThat(verdict.redeclareNotice()).isFalse();
  }

  @Nested
  class MedicalManagement {

    @Test
    void redFromTheStartOfAnOpenOrderWithNoEndInSight() {
      Instant start = at(2026, 3, 1, 8, 0);
      var facts = person().order(OrderKind.QUARANTINE, start, null).build();

      assertThat(evaluator.evaluate(facts, start.minusNanos(1)).colour()).isEqualTo(Colour.GREEN);
      assertThat(evaluator.evaluate(facts, start.minusNanos(1)).validUntil()).isEqualTo(start);
      Verdict red = evaluator.evaluate(facts, start.plus(Duration.ofDays(30)));
      assertThat(red.colour()).isEqualTo(Colour.RED);
      assertThat(red.rule()).isEqualTo("medical-management");
      assertThat(red.reason()).isEqualTo("medical-management.quarantine");
      assertThat(red.source()).isEqualTo("authority-feed");
      assertThat(red.since()).isEqualTo(start);
      assertThat(red.validUntil()).isNull();
    }

    @Test
    void releaseTurnsGreenWithTheReleasedReasonAtTheMomentOfRelease() {
      Instant start = at(2026, 3, 1, 8, 0);
      Instant release = at(2026, 3, 15, 9, 30);
      var facts = person().order(OrderKind.ISOLATION, start, release).build();

      Verdict before = evaluator.evaluate(facts, release.minusSeconds(1));
      assertThat(before.colour()).isEqualTo(Colour.RED);
      assertThat(before.validUntil()).isEqualTo(release);
      Verdict after = evaluator.evaluate(facts, release);
      assertThat(after.colour()).isEqualTo(Colour.GREEN);
      assertThat(after.reason()).isEqualTo("medical-management.released");
      assertThat(after.since()).isEqualTo(release);
      assertThat(after.validUntil()).isNull();
    }

    @Test
    void eachKindEndsOnItsOwnEventAndGivesItsReason() {
      Instant start = at(2026, 3, 1, 8, 0);
      Instant now = at(2026, 3, 2, 8, 0);
      for (OrderKind kind : OrderKind.values()) {
        Verdict verdict = evaluator.evaluate(person().order(kind, start, null).build(), now);
        assertThat(verdict.colour()).isEqualTo(Colour.RED);
        assertThat(verdict.reason()).isEqualTo(kind.reason());
      }
      assertThat(OrderKind.SUSPECTED.reason()).isEqualTo("medical-management.suspected");
      assertThat(OrderKind.CONFIRMED.reason()).isEqualTo("medical-management.confirmed");
    }

    @Test
    void overlappingOrdersKeepThePersonRedUntilTheLastEndsAndTheMostSevereGivesTheReason() {
      Instant quarantineStart = at(2026, 3, 1, 8, 0);
      Instant confirmedStart = at(2026, 3, 5, 8, 0);
      Instant quarantineEnd = at(2026, 3, 7, 8, 0);
      Instant discharged = at(2026, 3, 20, 8, 0);
      var facts =
          person()
              .order(OrderKind.QUARANTINE, quarantineStart, quarantineEnd)
              .order(OrderKind.CONFIRMED, confirmedStart, discharged)
              .build();

      Verdict day3 = evaluator.evaluate(facts, at(2026, 3, 3, 0, 0));
      assertThat(day3.reason()).isEqualTo("medical-management.quarantine");
      assertThat(day3.validUntil()).isEqualTo(confirmedStart);
      Verdict day6 = evaluator.evaluate(facts, at(2026, 3, 6, 0, 0));
      assertThat(day6.colour()).isEqualTo(Colour.RED);
      assertThat(day6.reason()).isEqualTo("medical-management.confirmed");
      assertThat(day6.since()).isEqualTo(quarantineStart);
      Verdict afterQuarantineReleased = evaluator.evaluate(facts, quarantineEnd.plusSeconds(1));
      assertThat(afterQuarantineReleased.colour()).isEqualTo(Colour.RED);
      assertThat(afterQuarantineReleased.reason()).isEqualTo("medical-management.confirmed");
      assertThat(afterQuarantineReleased.since()).isEqualTo(confirmedStart);
      assertThat(afterQuarantineReleased.validUntil()).isEqualTo(discharged);
      Verdict afterDischarge = evaluator.evaluate(facts, discharged);
      assertThat(afterDischarge.colour()).isEqualTo(Colour.GREEN);
      assertThat(afterDischarge.reason()).isEqualTo("medical-management.released");
    }

    @Test
    void aSecondOpenOrderKeepsThePersonRedWhenTheFirstIsReleased() {
      Instant start = at(2026, 3, 1, 8, 0);
      var facts =
          person()
              .order(OrderKind.SUSPECTED, start, at(2026, 3, 3, 8, 0))
              .order(OrderKind.QUARANTINE, start, null)
              .build();

      Verdict verdict = evaluator.evaluate(facts, at(2026, 3, 4, 8, 0));

      assertThat(verdict.colour()).isEqualTo(Colour.RED);
      assertThat(verdict.reason()).isEqualTo("medical-management.quarantine");
    }
  }

  @Nested
  class KeyRegionArrival {

    @Test
    void yellowThroughDay13AndGreenFromTheFirstMomentOfDay14() {
      var facts =
          person()
              .keyRegion("420100", MARCH_1.minusDays(30), null)
              .arrival("420100", MARCH_1)
              .build();

      Verdict arrivalDay = evaluator.evaluate(facts, startOf(MARCH_1));
      assertThat(arrivalDay.colour()).isEqualTo(Colour.YELLOW);
      assertThat(arrivalDay.rule()).isEqualTo("key-region-arrival");
      assertThat(arrivalDay.reason()).isEqualTo("key-region-arrival.observation");
      assertThat(arrivalDay.source()).isEqualTo("declaration");
      assertThat(arrivalDay.since()).isEqualTo(startOf(MARCH_1));

      Instant day14 = startOf(MARCH_1.plusDays(14));
      Verdict lastMomentOfDay13 = evaluator.evaluate(facts, day14.minusNanos(1));
      assertThat(lastMomentOfDay13.colour()).isEqualTo(Colour.YELLOW);
      assertThat(lastMomentOfDay13.validUntil()).isEqualTo(day14);
      assertThat(evaluator.evaluate(facts, at(2026, 3, 14, 23, 0)).colour())
          .isEqualTo(Colour.YELLOW);

      Verdict day14Verdict = evaluator.evaluate(facts, day14);
      assertThat(day14Verdict.colour()).isEqualTo(Colour.GREEN);
      assertThat(day14Verdict.reason()).isEqualTo("no-anomaly");
      assertThat(day14Verdict.since()).isEqualTo(day14);
      assertThat(day14Verdict.validUntil()).isNull();
    }

    @Test
    void theObservationPeriodIsConfigurable() {
      var facts = person().keyRegion("420100", MARCH_1, null).arrival("420100", MARCH_1).build();
      StatusEvaluator sevenDays = evaluator(7, false, 3);

      assertThat(sevenDays.evaluate(facts, startOf(MARCH_1.plusDays(7)).minusNanos(1)).colour())
          .isEqualTo(Colour.YELLOW);
      assertThat(sevenDays.evaluate(facts, startOf(MARCH_1.plusDays(7))).colour())
          .isEqualTo(Colour.GREEN);
      assertThat(new KeyRegionArrivalPolicy(7, Facts.CITY).lastObservedDay(MARCH_1))
          .isEqualTo(MARCH_1.plusDays(6));
    }

    @Test
    void onlyARegionListedOnTheDayOfArrivalCounts() {
      Instant now = startOf(MARCH_1.plusDays(2));
      var notListed =
          person().keyRegion("310000", MARCH_1.minusDays(10), null).arrival("420100", MARCH_1);
      var listedLater =
          person().keyRegion("420100", MARCH_1.plusDays(1), null).arrival("420100", MARCH_1);
      var delistedBefore =
          person()
              .keyRegion("420100", MARCH_1.minusDays(20), MARCH_1.minusDays(1))
              .arrival("420100", MARCH_1);
      var lastListedDay =
          person().keyRegion("420100", MARCH_1.minusDays(20), MARCH_1).arrival("420100", MARCH_1);

      assertThat(evaluator.evaluate(notListed.build(), now).colour()).isEqualTo(Colour.GREEN);
      assertThat(evaluator.evaluate(listedLater.build(), now).colour()).isEqualTo(Colour.GREEN);
      assertThat(evaluator.evaluate(delistedBefore.build(), now).colour()).isEqualTo(Colour.GREEN);
      assertThat(evaluator.evaluate(lastListedDay.build(), now).colour()).isEqualTo(Colour.YELLOW);
    }

    @Test
    void theLatestArrivalDecidesWhenObservationEnds() {
      var facts =
          person()
              .keyRegion("420100", MARCH_1.minusDays(30), null)
              .keyRegion("110000", MARCH_1.minusDays(30), null)
              .arrival("420100", MARCH_1)
              .arrival("110000", MARCH_1.plusDays(5))
              .build();

      Verdict verdict = evaluator.evaluate(facts, startOf(MARCH_1.plusDays(15)));

      assertThat(verdict.colour()).isEqualTo(Colour.YELLOW);
      assertThat(verdict.validUntil()).isEqualTo(startOf(MARCH_1.plusDays(19)));
      assertThat(evaluator.evaluate(facts, startOf(MARCH_1.plusDays(19))).colour())
          .isEqualTo(Colour.GREEN);
    }
  }

  @Nested
  class Precedence {

    @Test
    void redBeatsYellowAndYellowReturnsWhenRedEndsWithinTheObservationPeriod() {
      Instant release = startOf(MARCH_1.plusDays(5));
      var facts =
          person()
              .keyRegion("420100", MARCH_1.minusDays(30), null)
              .arrival("420100", MARCH_1)
              .order(OrderKind.QUARANTINE, startOf(MARCH_1), release)
              .build();

      assertThat(evaluator.evaluate(facts, startOf(MARCH_1.plusDays(1))).colour())
          .isEqualTo(Colour.RED);
      Verdict afterRelease = evaluator.evaluate(facts, release);
      assertThat(afterRelease.colour()).isEqualTo(Colour.YELLOW);
      assertThat(afterRelease.validUntil()).isEqualTo(startOf(MARCH_1.plusDays(14)));
      assertThat(evaluator.evaluate(facts, startOf(MARCH_1.plusDays(14))).colour())
          .isEqualTo(Colour.GREEN);
    }

    @Test
    void onEqualColoursTheEarlierRuleGivesTheReason() {
      StatusEvaluator withTests = evaluator(14, true, 3);
      var facts = person().keyRegion("420100", MARCH_1, null).arrival("420100", MARCH_1).build();

      Verdict verdict = withTests.evaluate(facts, startOf(MARCH_1.plusDays(1)));

      assertThat(verdict.colour()).isEqualTo(Colour.YELLOW);
      assertThat(verdict.rule()).isEqualTo("key-region-arrival");
    }

    @Test
    void theRedeclarationNoticeShowsOnlyOnGreenUntilThePersonDeclares() {
      Instant requested = at(2026, 3, 1, 9, 0);
      Instant now = at(2026, 3, 2, 9, 0);

      Verdict notDeclared = evaluator.evaluate(person().redeclareRequested(requested).build(), now);
      assertThat(notDeclared.colour()).isEqualTo(Colour.GREEN);
      assertThat(notDeclared.redeclareNotice()).isTrue();

      var declaredBefore =
          person().redeclareRequested(requested).declared(requested.minusSeconds(60));
      assertThat(evaluator.evaluate(declaredBefore.build(), now).redeclareNotice()).isTrue();

      var declaredAfter =
          person().redeclareRequested(requested).declared(requested.plusSeconds(60));
      assertThat(evaluator.evaluate(declaredAfter.build(), now).redeclareNotice()).isFalse();

      var yellow =
          person()
              .redeclareRequested(requested)
              .keyRegion("420100", MARCH_1, null)
              .arrival("420100", MARCH_1);
      Verdict yellowVerdict = evaluator.evaluate(yellow.build(), now);
      assertThat(yellowVerdict.colour()).isEqualTo(Colour.YELLOW);
      assertThat(yellowVerdict.redeclareNotice()).isFalse();
    }
  }

  @Nested
  class NoRecentTest {

    final StatusEvaluator withTests = evaluator(14, true, 3);

    @Test
    void offByDefault() {
      assertThat(evaluator.evaluate(person().build(), at(2026, 3, 1, 0, 0)).colour())
          .isEqualTo(Colour.GREEN);
    }

    @Test
    void yellowWithoutAnySample() {
      Verdict verdict = withTests.evaluate(person().build(), at(2026, 3, 1, 0, 0));

      assertThat(verdict.colour()).isEqualTo(Colour.YELLOW);
      assertThat(verdict.rule()).isEqualTo("no-recent-test");
      assertThat(verdict.reason()).isEqualTo("no-recent-test.overdue");
    }

    @Test
    void greenForNDaysAfterASampleThenYellow() {
      Instant sample = at(2026, 3, 1, 10, 0);
      var facts = person().sample(sample).build();
      Instant overdue = sample.plus(Duration.ofDays(3));

      Verdict green = withTests.evaluate(facts, overdue.minusSeconds(1));
      assertThat(green.colour()).isEqualTo(Colour.GREEN);
      assertThat(green.validUntil()).isEqualTo(overdue);
      Verdict yellow = withTests.evaluate(facts, overdue);
      assertThat(yellow.colour()).isEqualTo(Colour.YELLOW);
      assertThat(yellow.since()).isEqualTo(overdue);
    }
  }

  @Nested
  class ManualChange {

    final Instant decided = at(2026, 3, 3, 10, 0);

    @Test
    void aManualGreenSetsAsideTheFactsItReviewed() {
      var facts =
          person()
              .keyRegion("420100", MARCH_1, null)
              .arrival("420100", MARCH_1, at(2026, 3, 1, 12, 0))
              .override(Colour.GREEN, decided, null)
              .build();

      assertThat(evaluator.evaluate(facts, decided.minusSeconds(1)).colour())
          .isEqualTo(Colour.YELLOW);
      Verdict verdict = evaluator.evaluate(facts, decided);
      assertThat(verdict.colour()).isEqualTo(Colour.GREEN);
      assertThat(verdict.rule()).isEqualTo("manual");
      assertThat(verdict.reason()).isEqualTo("manual.data-correction");
      assertThat(verdict.source()).isEqualTo("manual");
      assertThat(verdict.since()).isEqualTo(decided);
    }

    @Test
    void factsRecordedAfterTheDecisionStillCountAndTheMoreSevereColourWins() {
      Instant later = decided.plusSeconds(3600);
      var newOrder =
          person()
              .override(Colour.GREEN, decided, null)
              .order(OrderKind.CONFIRMED, later, null, later);
      Verdict red = evaluator.evaluate(newOrder.build(), later);
      assertThat(red.colour()).isEqualTo(Colour.RED);
      assertThat(red.rule()).isEqualTo("medical-management");

      var newArrival =
          person()
              .keyRegion("420100", MARCH_1, null)
              .override(Colour.GREEN, decided, null)
              .arrival("420100", LocalDate.of(2026, 3, 3), later);
      assertThat(evaluator.evaluate(newArrival.build(), later).colour()).isEqualTo(Colour.YELLOW);
    }

    @Test
    void aManualRedStandsOverGreenAndYellowFacts() {
      var facts =
          person()
              .keyRegion("420100", MARCH_1, null)
              .override(Colour.RED, decided, null)
              .arrival("420100", LocalDate.of(2026, 3, 3), decided.plusSeconds(60))
              .build();

      Verdict verdict = evaluator.evaluate(facts, decided.plusSeconds(120));

      assertThat(verdict.colour()).isEqualTo(Colour.RED);
      assertThat(verdict.rule()).isEqualTo("manual");
    }

    @Test
    void aChangeWithAnEndLapsesAndTheFactsDecideAgain() {
      Instant until = decided.plus(Duration.ofDays(2));
      var facts =
          person()
              .order(OrderKind.QUARANTINE, MARCH_1.atStartOfDay(Facts.CITY).toInstant(), null)
              .override(Colour.GREEN, decided, until)
              .build();

      Verdict during = evaluator.evaluate(facts, decided.plusSeconds(1));
      assertThat(during.colour()).isEqualTo(Colour.GREEN);
      assertThat(during.validUntil()).isEqualTo(until);
      assertThat(evaluator.evaluate(facts, until).colour()).isEqualTo(Colour.RED);
    }

    @Test
    void aManualChangeCountsAsACheckForTheNoRecentTestRule() {
      StatusEvaluator withTests = evaluator(14, true, 3);
      var facts = person().override(Colour.GREEN, decided, null).build();

      assertThat(
              withTests.evaluate(facts, decided.plus(Duration.ofDays(3)).minusSeconds(1)).colour())
          .isEqualTo(Colour.GREEN);
      assertThat(withTests.evaluate(facts, decided.plus(Duration.ofDays(3))).colour())
          .isEqualTo(Colour.YELLOW);
    }
  }

  @Nested
  class Symptoms {

    final Instant declared = at(2026, 3, 1, 9, 0);

    StatusEvaluator withSymptomsRule(boolean on) {
      return new StatusEvaluator(
          List.of(
              new MedicalManagementPolicy(),
              new KeyRegionArrivalPolicy(14, Facts.CITY),
              new SymptomsPolicy(on)));
    }

    @Test
    void offByDefaultASymptomLeavesTheCodeGreen() {
      var facts = person().declaredWithSymptoms(declared).build();
      assertThat(withSymptomsRule(false).evaluate(facts, declared.plusSeconds(60)).colour())
          .isEqualTo(Colour.GREEN);
    }

    @Test
    void onASymptomMakesItYellowSinceTheDeclarationUntilADeclarationWithout() {
      var facts = person().declaredWithSymptoms(declared).build();
      Verdict yellow = withSymptomsRule(true).evaluate(facts, declared.plusSeconds(60));
      assertThat(yellow.colour()).isEqualTo(Colour.YELLOW);
      assertThat(yellow.rule()).isEqualTo("symptoms");
      assertThat(yellow.reason()).isEqualTo("symptoms.reported");
      assertThat(yellow.since()).isEqualTo(declared);

      var later = person().declared(declared.plusSeconds(3600)).build();
      assertThat(withSymptomsRule(true).evaluate(later, declared.plusSeconds(3700)).colour())
          .isEqualTo(Colour.GREEN);
    }

    @Test
    void aMedicalOrderStillWinsOverSymptoms() {
      var facts =
          person()
              .declaredWithSymptoms(declared)
              .order(OrderKind.QUARANTINE, declared.minusSeconds(3600), null)
              .build();
      assertThat(withSymptomsRule(true).evaluate(facts, declared.plusSeconds(60)).colour())
          .isEqualTo(Colour.RED);
    }
  }
}
