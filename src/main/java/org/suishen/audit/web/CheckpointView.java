package org.suishen.audit.web;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.suishen.audit.AnchoredHead;
import org.suishen.audit.internal.ChainCheckpoint;

/**
 * A checkpoint of the scheduled verification as the API shows it; {@code line} is the anchor line
 * of a VERIFIED checkpoint (what was or will be published).
 */
record CheckpointView(
    long id,
    long seq,
    String hash,
    String status,
    Instant verifiedAt,
    long entries,
    @Nullable Long brokenSeq,
    @Nullable Long brokenId,
    @Nullable String problem,
    @Nullable Instant anchoredAt,
    @Nullable String anchoredTo,
    @Nullable String line) {

  static CheckpointView of(ChainCheckpoint c) {
    String line =
        c.broken() || c.seq() < 1
            ? null
            : AnchoredHead.of(c.seq(), c.hash(), c.verifiedAt()).line();
    return new CheckpointView(
        c.id(),
        c.seq(),
        c.hashHex(),
        c.status().name(),
        c.verifiedAt(),
        c.entries(),
        c.brokenSeq(),
        c.brokenId(),
        c.problem() == null ? null : c.problem().name(),
        c.anchoredAt(),
        c.anchoredTo(),
        line);
  }
}
