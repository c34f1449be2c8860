package org.suishen.status.internal.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.suishen.status.Colour;

/**
 * Yellow when the person has given no test sample in the last N days (3 by default). Off unless
 * configured ({@code suishen.status.no-recent-test.enabled}): a city turns it on for a campaign of
 * regular mass testing.
 */
public final class NoRecentTestPolicy implements StatusPolicy {

  private final boolean enabled;
  private final Duration window;

  public NoRecentTestPolicy(boolean enabled, int days) {
    if (days < 1) {
      throw new IllegalArgumentException("days must be positive");
    }
    this.enabled = enabled;
    this.window = Duration.ofDays(days);
  }

  @Override
  public String rule() {
    return Rules.NO_RECENT_TEST;
  }

  @Override
  public Optional<Finding> assess(PersonFacts facts, Instant now) {
    if (!enabled) {
      return Optional.empty();
    }
    Instant last = facts.lastSampleAt();
    if (last == null) {
      return Optional.of(finding(now));
    }
    Instant overdue = last.plus(window);
    return now.isBefore(overdue) ? Optional.empty() : Optional.of(finding(overdue));
  }

  @Override
  public Stream<Instant> boundaries(PersonFacts facts) {
    Instant last = facts.lastSampleAt();
    return enabled && last != null ? Stream.of(last.plus(window)) : Stream.empty();
  }

  private Finding finding(Instant since) {
    return new Finding(
        Colour.YELLOW, rule(), Rules.REASON_NO_RECENT_TEST, Rules.SOURCE_SAMPLING, since);
  }
}
