package org.suishen.citizen.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A one-time code as stored: only its keyed hash, never the code itself. */
record StoredCode(
    UUID id, byte[] codeHash, Instant expiresAt, int attempts, @Nullable Instant usedAt) {

  /**
   * Refuses a code that can no longer be used: already used, too many wrong entries, or expired.
   */
  void requireUsable(Instant now, int maxAttempts) {
    if (usedAt != null) {
      throw org.suishen.shared.problem.SuishenException.badInput("citizen.otp.used");
    }
    if (attempts >= maxAttempts) {
      throw org.suishen.shared.problem.SuishenException.badInput("citizen.otp.attempts");
    }
    if (!now.isBefore(expiresAt)) {
      throw org.suishen.shared.problem.SuishenException.badInput("citizen.otp.expired");
    }
  }
}
