package org.suishen.dependants.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BindingAttemptLimitTest {

  private static final Instant NOW = Instant.parse("2022-04-01T10:00:00Z");
  private final BindingAttemptLimit limit = new BindingAttemptLimit(5, Duration.ofHours(24));

  private static Instant hoursAgo(long hours) {
    return NOW.minus(Duration.ofHours(hours));
  }

  @Test
  void fewerFailuresThanTheLimitLeaveTheHolderFree() {
    assertThat(limit.blockedUntil(List.of(), NOW)).isEmpty();
    assertThat(limit.blockedUntil(List.of(hoursAgo(1), hoursAgo(2), hoursAgo(3), hoursAgo(4)), NOW))
        .isEmpty();
  }

  @Test
  void atTheLimitTheHolderWaitsUntilTheOldestFailureLeavesTheWindow() {
    var failures = List.of(hoursAgo(1), hoursAgo(20), hoursAgo(2), hoursAgo(3), hoursAgo(4));
    assertThat(limit.blockedUntil(failures, NOW)).contains(hoursAgo(20).plus(Duration.ofHours(24)));
  }

  @Test
  void failuresOlderThanTheWindowDoNotCount() {
    var failures = List.of(hoursAgo(24), hoursAgo(25), hoursAgo(2), hoursAgo(3), hoursAgo(4));
    assertThat(limit.blockedUntil(failures, NOW)).isEmpty();
    assertThat(limit.countedAfter(NOW)).isEqualTo(hoursAgo(24));
  }

  @Test
  void onlyLookUpsThatFoundNothingOrSomeoneNotEligibleCount() {
    assertThat(BindingAttemptLimit.counts("dependants.identity-mismatch")).isTrue();
    assertThat(BindingAttemptLimit.counts("dependants.not-eligible")).isTrue();
    assertThat(BindingAttemptLimit.counts("dependants.self")).isFalse();
    assertThat(BindingAttemptLimit.counts("dependants.evidence-required")).isFalse();
    assertThat(BindingAttemptLimit.counts("identity.document.check-digit")).isFalse();
  }

  @Test
  void nonsenseFiguresAreRefused() {
    assertThatThrownBy(() -> new BindingAttemptLimit(0, Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BindingAttemptLimit(5, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
