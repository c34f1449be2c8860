package org.suishen.status.internal.policy;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.suishen.status.Colour;

/**
 * Red while the person's latest single-tube result is positive (MISSION H2, S3): from the lab's
 * report until a single-tube result of a later sample is negative (or the authority decides by
 * hand). Medical management, fed by the authority, usually follows and keeps the person red on its
 * own terms.
 */
public final class PositiveTestPolicy implements StatusPolicy {

  @Override
  public String rule() {
    return Rules.TEST_RESULT;
  }

  @Override
  public Optional<Finding> assess(PersonFacts facts, Instant now) {
    TestResults results = facts.results();
    if (!results.positive() || results.singleReportedAt() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding(
            Colour.RED,
            rule(),
            Rules.REASON_POSITIVE,
            Rules.SOURCE_LAB,
            results.singleReportedAt()));
  }

  @Override
  public Stream<Instant> boundaries(PersonFacts facts) {
    return Stream.empty();
  }
}
