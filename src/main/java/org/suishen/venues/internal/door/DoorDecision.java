package org.suishen.venues.internal.door;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.status.LatestTests.Latest;
import org.suishen.venues.internal.passage.Provenance;
import org.suishen.venues.internal.rule.DoorReason;

/**
 * What the door answered: the decision with its reason, and what the person at the door may see
 * (the masked name, the colour, the latest test); the same again for a replayed key, from the log.
 *
 * @param credential how the person was identified (LIVE, PROXY, ID_CARD, SELF, OFFLINE) or the kind
 *     presented when it named nobody
 * @param holderMaskedName for a proxy code, the family member who showed it
 * @param personId whom it named (never shown to the door: for the log)
 * @param replayed the key was used before: this is the first answer, recorded once
 */
public record DoorDecision(
    UUID passageId,
    Instant passedAt,
    UUID venueId,
    Provenance provenance,
    String recordedBy,
    @Nullable UUID personId,
    DoorReason reason,
    String credential,
    @Nullable String maskedName,
    @Nullable String maskedDocument,
    @Nullable String holderMaskedName,
    @Nullable String colour,
    @Nullable Latest latest,
    @Nullable BigDecimal temperature,
    boolean offline,
    boolean replayed) {

  public boolean admitted() {
    return reason.admitted();
  }
}
