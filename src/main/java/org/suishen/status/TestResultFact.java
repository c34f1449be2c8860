package org.suishen.status;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A lab's result for one person's sample. A positive pooled tube means "pending retest" for each of
 * its people until a result of a later sample of theirs comes; a positive single tube is red; a
 * negative one of either kind is the person's latest negative result.
 *
 * @param sampledAt when the person was sampled (registered into the tube)
 * @param pooled the tube held more than one person
 * @param reportedAt when the lab reported the tube
 * @param guardianPersonId who brought the person to the table (the holder of a proxy code, an
 *     infant's parent): told of a recall too, since the person may have no phone
 */
public record TestResultFact(
    UUID personId,
    Instant sampledAt,
    boolean pooled,
    TestOutcome outcome,
    Instant reportedAt,
    @Nullable UUID guardianPersonId) {

  public TestResultFact(
      UUID personId, Instant sampledAt, boolean pooled, TestOutcome outcome, Instant reportedAt) {
    this(personId, sampledAt, pooled, outcome, reportedAt, null);
  }
}
