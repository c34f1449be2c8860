package org.suishen.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailureLimitTest {

  private static final Instant T0 = Instant.parse("2022-04-01T02:00:00Z");
  private final FailureLimit limit =
      new FailureLimit(5, Duration.ofMinutes(15), Duration.ofMinutes(15));

  private FailureCount failures(int n, Instant from, Duration apart) {
    FailureCount count = null;
    for (int i = 0; i < n; i++) {
      count = limit.afterFailure(count, from.plus(apart.multipliedBy(i)));
    }
    return count;
  }

  @Test
  void theFifthFailureWithinTheWindowLocksForTheCoolDown() {
    FailureCount four = failures(4, T0, Duration.ofMinutes(1));
    assertThat(four.failures()).isEqualTo(4);
    assertThat(four.lockedUntil()).isNull();

    Instant fifthAt = T0.plus(Duration.ofMinutes(14));
    FailureCount five = limit.afterFailure(four, fifthAt);
    assertThat(five.failures()).isEqualTo(5);
    assertThat(five.lockedUntil()).isEqualTo(fifthAt.plus(Duration.ofMinutes(15)));
    assertThat(five.lockedAt(fifthAt.plus(Duration.ofMinutes(14)))).isTrue();
    assertThat(five.lockedAt(fifthAt.plus(Duration.ofMinutes(15)))).isFalse();
  }

  @Test
  void failuresOutsideTheWindowStartANewCount() {
    FailureCount four = failures(4, T0, Duration.ofMinutes(1));
    // the window runs from the first failure: 15 minutes after it, counting starts again
    FailureCount later = limit.afterFailure(four, T0.plus(Duration.ofMinutes(15)));
    assertThat(later.failures()).isEqualTo(1);
    assertThat(later.windowStart()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
    assertThat(later.lockedUntil()).isNull();
  }

  @Test
  void aLockIsNotExtendedByAttemptsDuringIt() {
    FailureCount locked = failures(5, T0, Duration.ofSeconds(10));
    Instant until = locked.lockedUntil();
    FailureCount during = limit.afterFailure(locked, until.minusSeconds(1));
    assertThat(during).isEqualTo(locked);
  }

  @Test
  void afterTheCoolDownCountingStartsAfresh() {
    FailureCount locked = failures(5, T0, Duration.ofSeconds(10));
    Instant after = locked.lockedUntil();
    assertThat(limit.expired(locked, after)).isTrue();
    assertThat(limit.expired(locked, after.minusNanos(1))).isFalse();
    FailureCount next = limit.afterFailure(locked, after);
    assertThat(next.failures()).isEqualTo(1);
    assertThat(next.lockedUntil()).isNull();
  }

  @Test
  void aCountExpiresWithItsWindow() {
    FailureCount two = failures(2, T0, Duration.ofMinutes(1));
    assertThat(limit.expired(two, T0.plus(Duration.ofMinutes(15)).minusNanos(1))).isFalse();
    assertThat(limit.expired(two, T0.plus(Duration.ofMinutes(15)))).isTrue();
  }

  @Test
  void aLimitOfOneLocksAtTheFirstFailure() {
    var strict = new FailureLimit(1, Duration.ofMinutes(1), Duration.ofHours(1));
    assertThat(strict.afterFailure(null, T0).lockedUntil()).isEqualTo(T0.plus(Duration.ofHours(1)));
  }

  @Test
  void nonsenseFiguresAreRefusedAtStartUp() {
    assertThatThrownBy(() -> new FailureLimit(0, Duration.ofMinutes(1), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FailureLimit(5, Duration.ZERO, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FailureLimit(5, Duration.ofMinutes(1), Duration.ofMinutes(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
