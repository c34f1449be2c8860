package org.suishen.dependants.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The attempt limit at work ({@link BindingAttemptLimit} over the recorded {@link
 * BindingFailures}): refuses a holder at the limit before the register is asked, and records the
 * attempts that count. Callers hold the holder's lock, so parallel attempts cannot pass the limit.
 */
@Component
class BindingAttempts {

  private static final DateTimeFormatter RETRY_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final BindingAttemptLimit limit;
  private final BindingFailures failures;
  private final Clock clock;

  BindingAttempts(BindingAttemptLimit limit, BindingFailures failures, Clock clock) {
    this.limit = limit;
    this.failures = failures;
    this.clock = clock;
  }

  /** Refuses (429) a holder at the limit of failed attempts, naming when to try again. */
  void requireAttemptsLeft(UUID holderId, Instant now) {
    var until = limit.blockedUntil(failures.since(holderId, limit.countedAfter(now)), now);
    if (until.isPresent()) {
      throw new BindingAttemptsExhausted(
          RETRY_AT.format(until.get().atZone(clock.getZone())),
          (Duration.between(now, until.get()).toMillis() + 999) / 1000);
    }
  }

  /** Records a failed attempt if its refusal counts; true if it did. */
  boolean recordIfCounted(UUID holderId, Instant now, String refusalCode) {
    if (!BindingAttemptLimit.counts(refusalCode)) {
      return false;
    }
    failures.record(holderId, now, refusalCode);
    return true;
  }
}
