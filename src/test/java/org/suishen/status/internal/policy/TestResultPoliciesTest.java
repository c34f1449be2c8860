package org.suishen.status.internal.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suishen.status.internal.policy.Facts.at;
import static org.suishen.status.internal.policy.Facts.person;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.suishen.status.Colour;
import org.suishen.status.TestOutcome;

/**
 * A positive pooled tube recalls its people, a positive single tube is red, later samples settle.
 */
class TestResultPoliciesTest {

  static final Instant SAMPLED = at(2026, 4, 2, 8, 0);
  static final Instant REPORTED = at(2026, 4, 2, 20, 0);
  static final Instant RETESTED = at(2026, 4, 3, 8, 0);
  static final Instant RETEST_REPORTED = at(2026, 4, 3, 18, 0);
  static final Instant NOW = at(2026, 4, 4, 9, 0);

  static StatusEvaluator evaluator(Colour pendingRetest) {
    return new StatusEvaluator(
        List.of(
            new MedicalManagementPolicy(),
            new PositiveTestPolicy(),
            new PendingRetestPolicy(pendingRetest)));
  }

  final StatusEvaluator evaluator = evaluator(Colour.YELLOW);

  @Test
  void aPositivePooledTubeMeansPendingRetestFromItsReport() {
    var facts = person().result(SAMPLED, true, TestOutcome.POSITIVE, REPORTED).build();

    Verdict verdict = evaluator.evaluate(facts, NOW);

    assertThat(verdict.colour()).isEqualTo(Colour.YELLOW);
    assertThat(verdict.reason()).isEqualTo("test-result.pending-retest");
    assertThat(verdict.since()).isEqualTo(REPORTED);
    assertThat(verdict.source()).isEqualTo("lab");
  }

  @Test
  void theColourOfAPendingRetestIsConfigurableAndGreenTurnsItOff() {
    var facts = person().result(SAMPLED, true, TestOutcome.POSITIVE, REPORTED).build();

    assertThat(evaluator(Colour.RED).evaluate(facts, NOW).colour()).isEqualTo(Colour.RED);
    assertThat(evaluator(Colour.GREEN).evaluate(facts, NOW).colour()).isEqualTo(Colour.GREEN);
  }

  @Test
  void aNegativeSingleRetestSettlesTheRecall() {
    var facts =
        person()
            .result(SAMPLED, true, TestOutcome.POSITIVE, REPORTED)
            .result(RETESTED, false, TestOutcome.NEGATIVE, RETEST_REPORTED)
            .build();

    assertThat(evaluator.evaluate(facts, NOW).colour()).isEqualTo(Colour.GREEN);
    assertThat(facts.results().negativeSampledAt()).isEqualTo(RETESTED);
  }

  @Test
  void aPositiveSingleRetestTurnsRed() {
    var facts =
        person()
            .result(SAMPLED, true, TestOutcome.POSITIVE, REPORTED)
            .result(RETESTED, false, TestOutcome.POSITIVE, RETEST_REPORTED)
            .build();

    Verdict verdict = evaluator.evaluate(facts, NOW);

    assertThat(verdict.colour()).isEqualTo(Colour.RED);
    assertThat(verdict.reason()).isEqualTo("test-result.positive");
    assertThat(verdict.since()).isEqualTo(RETEST_REPORTED);
  }

  @Test
  void resultsArrivingOutOfOrderKeepTheLatestSamplesWord() {
    // the retest's negative is reported before the earlier pool's positive reaches the engine
    var facts =
        person()
            .result(RETESTED, false, TestOutcome.NEGATIVE, RETEST_REPORTED)
            .result(SAMPLED, true, TestOutcome.POSITIVE, at(2026, 4, 3, 19, 0))
            .build();

    assertThat(evaluator.evaluate(facts, NOW).colour()).isEqualTo(Colour.GREEN);
    assertThat(facts.results().pendingRetest()).isFalse();
  }

  @Test
  void anEarlierNegativeDoesNotOverrideALaterPositive() {
    var facts =
        person()
            .result(RETESTED, false, TestOutcome.POSITIVE, RETEST_REPORTED)
            .result(SAMPLED, false, TestOutcome.NEGATIVE, at(2026, 4, 3, 19, 0))
            .build();

    assertThat(evaluator.evaluate(facts, NOW).colour()).isEqualTo(Colour.RED);
    assertThat(facts.results().negativeSampledAt()).isEqualTo(SAMPLED);
  }

  @Test
  void aLaterNegativeSingleTubeEndsThePositive() {
    var facts =
        person()
            .result(SAMPLED, false, TestOutcome.POSITIVE, REPORTED)
            .result(RETESTED, false, TestOutcome.NEGATIVE, RETEST_REPORTED)
            .build();

    assertThat(evaluator.evaluate(facts, NOW).colour()).isEqualTo(Colour.GREEN);
  }

  @Test
  void aManualDecisionAfterThePositiveSetsItAside() {
    Instant decided = at(2026, 4, 3, 10, 0);
    var facts =
        person()
            .result(SAMPLED, false, TestOutcome.POSITIVE, REPORTED)
            .override(Colour.GREEN, decided, null)
            .build();

    assertThat(evaluator.evaluate(facts, NOW).colour()).isEqualTo(Colour.GREEN);
    assertThat(evaluator.evaluate(facts, at(2026, 4, 3, 9, 0)).colour()).isEqualTo(Colour.RED);
  }

  @Test
  void aNegativeResultAfterTheDeclarationEndsTheSymptomsRule() {
    var withSymptoms = person().declaredWithSymptoms(SAMPLED.minusSeconds(3600));
    var symptoms = new StatusEvaluator(List.of(new SymptomsPolicy(true)));

    assertThat(symptoms.evaluate(withSymptoms.build(), NOW).colour()).isEqualTo(Colour.YELLOW);
    assertThat(
            symptoms
                .evaluate(
                    withSymptoms.result(SAMPLED, true, TestOutcome.NEGATIVE, REPORTED).build(), NOW)
                .colour())
        .isEqualTo(Colour.GREEN);
  }
}
