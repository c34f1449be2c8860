package org.suishen.accounts.internal;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The rule behind login throttling: {@code maxFailures} failed logins within {@code window}
 * (counted from the first failure of the window) lock for {@code coolDown}. While locked, attempts
 * are refused without checking the password and are not counted, so the lock does not grow; once it
 * has passed, counting starts afresh. A successful login forgets the count (see {@link
 * LoginThrottle}).
 *
 * @param maxFailures failures that lock (at least 1)
 * @param window how long failures are counted together
 * @param coolDown how long a lock lasts
 */
record FailureLimit(int maxFailures, Duration window, Duration coolDown) {

  FailureLimit {
    if (maxFailures < 1 || !window.isPositive() || !coolDown.isPositive()) {
      throw new IllegalArgumentException(
          "suishen.accounts.login-throttle: max-failures >= 1, window and cool-down > 0");
    }
  }

  /** The count after one more failure at {@code now} (a new lock when it reaches the limit). */
  FailureCount afterFailure(@Nullable FailureCount current, Instant now) {
    if (current != null && current.lockedAt(now)) {
      return current;
    }
    if (current == null || expired(current, now)) {
      return counted(1, now, now);
    }
    return counted(current.failures() + 1, current.windowStart(), now);
  }

  /** Whether this failure count is over: its window and any lock have passed. */
  boolean expired(FailureCount count, Instant now) {
    if (count.lockedUntil() != null) {
      return !now.isBefore(count.lockedUntil());
    }
    return !now.isBefore(count.windowStart().plus(window));
  }

  private FailureCount counted(int failures, Instant windowStart, Instant now) {
    return new FailureCount(
        failures, windowStart, failures >= maxFailures ? now.plus(coolDown) : null);
  }
}
