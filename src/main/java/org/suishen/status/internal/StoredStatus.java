package org.suishen.status.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.status.Colour;
import org.suishen.status.HealthStatus;
import org.suishen.status.internal.policy.Rules;

/**
 * A row of {@code health_status}: the last published status, when it is due again and, if a fact
 * change made it due, what that change was (for the history entry).
 */
public record StoredStatus(
    UUID personId,
    Colour colour,
    String rule,
    String reason,
    String source,
    @Nullable Instant since,
    boolean redeclareNotice,
    @Nullable Instant dueAt,
    @Nullable String dueCause,
    @Nullable String dueBy,
    @Nullable String fingerprint) {

  /** The status of a person the engine knows nothing about: green, since no known start. */
  public static StoredStatus unknown(UUID personId) {
    return new StoredStatus(
        personId,
        Colour.GREEN,
        Rules.NO_ANOMALY,
        Rules.REASON_NO_ANOMALY,
        Rules.SOURCE_ENGINE,
        null,
        false,
        null,
        null,
        null,
        null);
  }

  public boolean dueAt(Instant now, String currentFingerprint) {
    return (dueAt != null && !dueAt.isAfter(now)) || !currentFingerprint.equals(fingerprint);
  }

  public HealthStatus toHealthStatus() {
    return new HealthStatus(
        personId,
        colour,
        rule,
        reason,
        source,
        since,
        redeclareNotice,
        colour == Colour.GREEN ? null : dueAt);
  }
}
