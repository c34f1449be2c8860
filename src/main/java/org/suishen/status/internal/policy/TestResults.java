package org.suishen.status.internal.policy;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.suishen.status.TestOutcome;
import org.suishen.status.TestResultFact;

/**
 * A person's test results as the engine keeps them: the latest negative, the latest single-tube
 * result, and a pending retest (a positive pooled tube no later sample has answered yet). {@link
 * #with} folds in one more result; results may arrive in any order, so each part keeps the result
 * of the latest sample, not the latest report.
 */
public record TestResults(
    @Nullable Instant negativeSampledAt,
    @Nullable Instant negativeReportedAt,
    @Nullable TestOutcome singleOutcome,
    @Nullable Instant singleSampledAt,
    @Nullable Instant singleReportedAt,
    @Nullable Instant retestSampledAt,
    @Nullable Instant retestReportedAt) {

  public static final TestResults NONE = new TestResults(null, null, null, null, null, null, null);

  public TestResults with(TestResultFact fact) {
    Instant sampled = fact.sampledAt();
    boolean negative = fact.outcome() == TestOutcome.NEGATIVE;
    Instant negSampled = negativeSampledAt;
    Instant negReported = negativeReportedAt;
    if (negative && (negSampled == null || sampled.isAfter(negSampled))) {
      negSampled = sampled;
      negReported = fact.reportedAt();
    }
    TestOutcome outcome = singleOutcome;
    Instant singleSampled = singleSampledAt;
    Instant singleReported = singleReportedAt;
    if (!fact.pooled() && (singleSampled == null || !sampled.isBefore(singleSampled))) {
      outcome = fact.outcome();
      singleSampled = sampled;
      singleReported = fact.reportedAt();
    }
    Instant retestSampled = retestSampledAt;
    Instant retestReported = retestReportedAt;
    if (fact.pooled() && !negative) {
      Instant answered = latestAnswered();
      boolean newer = retestSampled == null || sampled.isAfter(retestSampled);
      if (newer && (answered == null || sampled.isAfter(answered))) {
        retestSampled = sampled;
        retestReported = fact.reportedAt();
      }
    } else if (retestSampled != null && sampled.isAfter(retestSampled)) {
      // a result of a later sample settles the recall, whatever it says
      retestSampled = null;
      retestReported = null;
    }
    return new TestResults(
        negSampled,
        negReported,
        outcome,
        singleSampled,
        singleReported,
        retestSampled,
        retestReported);
  }

  /** The latest single-tube result is positive. */
  public boolean positive() {
    return singleOutcome == TestOutcome.POSITIVE;
  }

  public boolean pendingRetest() {
    return retestSampledAt != null;
  }

  /** Whether this state can give a colour other than green (read before a fan-out). */
  public boolean colourRelevant() {
    return positive() || pendingRetest();
  }

  /**
   * As a manual decision at {@code decidedAt} left them: a positive or a recall reported before it
   * was reviewed by the officers and no longer counts; later ones still do.
   */
  public TestResults reviewedAt(Instant decidedAt) {
    boolean positiveReviewed = singleReportedAt != null && !singleReportedAt.isAfter(decidedAt);
    boolean retestReviewed = retestReportedAt != null && !retestReportedAt.isAfter(decidedAt);
    return new TestResults(
        negativeSampledAt,
        negativeReportedAt,
        positiveReviewed && positive() ? null : singleOutcome,
        singleSampledAt,
        singleReportedAt,
        retestReviewed ? null : retestSampledAt,
        retestReviewed ? null : retestReportedAt);
  }

  private @Nullable Instant latestAnswered() {
    if (singleSampledAt == null) {
      return negativeSampledAt;
    }
    if (negativeSampledAt == null) {
      return singleSampledAt;
    }
    return singleSampledAt.isAfter(negativeSampledAt) ? singleSampledAt : negativeSampledAt;
  }
}
