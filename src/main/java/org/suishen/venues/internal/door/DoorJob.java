package org.suishen.venues.internal.door;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.healthcode.CodeGroupChecks;
import org.suishen.venues.internal.passage.Provenance;
import org.suishen.venues.internal.venue.Venue;

/**
 * One presentation at a door, prepared on the caller's thread (a code's token verified, no
 * database) and waiting for its group.
 *
 * @param verified the verified token for a {@link Presented.Code}, else null
 * @param key the device's idempotency key, or null (a self-scan, a staff check without one)
 * @param offline what a sentinel decided while the centre could not be reached, uploaded later;
 *     null for a decision the centre makes now
 */
public record DoorJob(
    UUID passageId,
    Instant passedAt,
    Venue venue,
    Provenance provenance,
    String recordedBy,
    Presented presented,
    CodeGroupChecks.@Nullable Verified verified,
    @Nullable BigDecimal temperature,
    @Nullable String key,
    @Nullable OfflineDecision offline) {

  /** What the device decided alone: its reason and the colour the code carried at issue. */
  public record OfflineDecision(
      org.suishen.venues.internal.rule.DoorReason reason, @Nullable String colour) {}
}
