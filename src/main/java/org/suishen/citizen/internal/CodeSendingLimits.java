package org.suishen.citizen.internal;

import java.time.Duration;
import java.time.Instant;
import org.suishen.shared.problem.SuishenException;

/**
 * How often one-time codes may be sent: at most one per phone per resend interval, a daily number
 * per phone (within any 24 hours) and a number per client address per window. Over a limit: 429.
 */
final class CodeSendingLimits {

  static final Duration DAY = Duration.ofHours(24);

  private final CitizenProperties.Otp otp;

  CodeSendingLimits(CitizenProperties.Otp otp) {
    this.otp = otp;
  }

  void check(CodeSendHistory history, Instant now) {
    if (history.sentToPhoneInDay() >= otp.dailyLimit()) {
      throw SuishenException.tooMany("citizen.otp.daily-limit", otp.dailyLimit());
    }
    Instant last = history.lastSentToPhone();
    if (last != null) {
      Instant allowedAt = last.plus(otp.resendInterval());
      if (now.isBefore(allowedAt)) {
        long seconds = (Duration.between(now, allowedAt).toMillis() + 999) / 1000;
        throw SuishenException.tooMany("citizen.otp.too-soon", seconds);
      }
    }
    if (otp.ipLimit() > 0 && history.sentFromAddress() >= otp.ipLimit()) {
      throw SuishenException.tooMany("citizen.otp.ip-limit");
    }
  }
}
