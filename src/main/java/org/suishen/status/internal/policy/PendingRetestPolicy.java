package org.suishen.status.internal.policy;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.suishen.status.Colour;

/**
 * A positive pooled tube recalls each of its people for a single-tube retest (S4): "pending retest"
 * in the configured colour (yellow by default, {@code suishen.status.pending-retest.colour}) until
 * a result of a later sample of theirs comes back. Green turns the rule off.
 */
public final class PendingRetestPolicy implements StatusPolicy {

  private final Colour colour;

  public PendingRetestPolicy(Colour colour) {
    this.colour = colour;
  }

  @Override
  public String rule() {
    return Rules.TEST_RESULT;
  }

  @Override
  public Optional<Finding> assess(PersonFacts facts, Instant now) {
    TestResults results = facts.results();
    if (colour == Colour.GREEN || !results.pendingRetest() || results.retestReportedAt() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding(
            colour,
            rule(),
            Rules.REASON_PENDING_RETEST,
            Rules.SOURCE_LAB,
            results.retestReportedAt()));
  }

  @Override
  public Stream<Instant> boundaries(PersonFacts facts) {
    return Stream.empty();
  }
}
