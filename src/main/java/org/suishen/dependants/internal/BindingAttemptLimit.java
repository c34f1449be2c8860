package org.suishen.dependants.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How many failed binding attempts a holder may make (MISSION X3): at most {@code limit} within any
 * {@code window} (rolling). A failed attempt is a document and name that match nobody in the
 * register, or a person who may not be bound; a successful binding does not count. Once at the
 * limit, further attempts are refused before the register is asked, until the oldest counted
 * failure leaves the window.
 *
 * @param limit failed attempts allowed within the window (at least 1)
 * @param window how long a failed attempt counts
 */
record BindingAttemptLimit(int limit, Duration window) {

  /** Refusal codes that count as failed attempts (they follow a look-up in the register). */
  static final List<String> COUNTED =
      List.of("dependants.identity-mismatch", "dependants.not-eligible");

  BindingAttemptLimit {
    if (limit < 1 || !window.isPositive()) {
      throw new IllegalArgumentException(
          "suishen.dependants.binding-attempts: limit >= 1 and window > 0");
    }
  }

  /** Failures counted at {@code now} are those after this instant. */
  Instant countedAfter(Instant now) {
    return now.minus(window);
  }

  /**
   * When the holder may try again, if at the limit now.
   *
   * @param failures the holder's failed attempts (any order; those outside the window are ignored)
   */
  Optional<Instant> blockedUntil(List<Instant> failures, Instant now) {
    List<Instant> counted =
        failures.stream().filter(f -> f.isAfter(countedAfter(now))).sorted().toList();
    if (counted.size() < limit) {
      return Optional.empty();
    }
    // the attempt that must leave the window so that fewer than `limit` remain
    return Optional.of(counted.get(counted.size() - limit).plus(window));
  }

  static boolean counts(String refusalCode) {
    return COUNTED.contains(refusalCode);
  }
}
