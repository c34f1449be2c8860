package org.suishen.venues.internal.passage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One row of the passage log (D3): who passed (or was refused at) which venue's door, when, how
 * they were identified and what the door decided.
 *
 * @param recordedBy the device, staff member or citizen account that recorded it
 * @param personId null when the credential named nobody (forged, unknown, unmatched card)
 * @param credential how the person was identified: LIVE, PROXY, OFFLINE, ID_CARD, SELF, or the kind
 *     presented when it named nobody
 * @param reason the door's stable reason code
 * @param offline decided by a sentinel that could not reach the centre, uploaded later
 */
public record Passage(
    Instant passedAt,
    UUID id,
    UUID venueId,
    Provenance provenance,
    String recordedBy,
    @Nullable UUID personId,
    String credential,
    boolean admitted,
    String reason,
    @Nullable String colour,
    @Nullable BigDecimal temperature,
    boolean offline) {}
