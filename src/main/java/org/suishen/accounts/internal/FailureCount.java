package org.suishen.accounts.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Failed logins counted for one login name or one client address.
 *
 * @param failures failures since {@code windowStart}
 * @param windowStart the first failure of the current window
 * @param lockedUntil refused until then (no password checked), or {@code null}
 */
record FailureCount(int failures, Instant windowStart, @Nullable Instant lockedUntil) {

  boolean lockedAt(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }
}
