package org.suishen.audit.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.suishen.audit.AnchoredHead;
import org.suishen.audit.internal.ChainCheckpoint;

/**
 * A checkpoint of the scheduled verification as the API shows it; {@code line} is the anchor line
 * of a VERIFIED checkpoint (what was or will be published).
 */
record CheckpointView(
    @Schema(example = "4128") long id,
    @Schema(example = "120394") long seq,
    @Schema(example = "9f2c4b7a1e0d3c5b8a6f2e1d0c9b8a7f6e5d4c3b2a190817f6e5d4c3b2a1908e1")
        String hash,
    @Schema(example = "VERIFIED") String status,
    Instant verifiedAt,
    @Schema(example = "2048") long entries,
    @Schema(example = "118000") @Nullable Long brokenSeq,
    @Schema(example = "980101") @Nullable Long brokenId,
    @Schema(example = "TAMPERED") @Nullable String problem,
    @Nullable Instant anchoredAt,
    @Schema(example = "file:/var/lib/suishen/audit-anchors.log") @Nullable String anchoredTo,
    @Schema(example = "suishen-audit-head v1 seq=120394 hash=9f2c…e1 at=2026-04-09T02:00:00Z")
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
