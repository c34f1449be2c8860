package org.suishen.audit.internal;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * When the verified head is published outside the database: only a head verified intact, only one
 * not yet published, and at most one publication per {@code min-interval}.
 *
 * @param minInterval shortest time between two publications
 */
record AnchorPolicy(Duration minInterval) {

  /**
   * @param latest the newest checkpoint, if any
   * @param lastAnchoredAt when a head was last published, if ever
   * @param now the current time
   */
  boolean due(@Nullable ChainCheckpoint latest, @Nullable Instant lastAnchoredAt, Instant now) {
    if (latest == null || latest.broken() || latest.seq() < 1 || latest.anchoredAt() != null) {
      return false;
    }
    return lastAnchoredAt == null || !now.isBefore(lastAnchoredAt.plus(minInterval));
  }
}
