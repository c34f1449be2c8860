package org.suishen.audit.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.suishen.audit.AnchoredHead;

/**
 * Compares a head published outside the database with the chain in the database: is the anchored
 * hash still stored at the anchored position, and does the entry there still produce it from its
 * predecessor? Two rows read, whatever the size of the trail. (Entries between two anchors are
 * verified with {@code GET /api/audit/verify?from=&to=}; the scheduled verification links every
 * stretch to the previous checkpoint's hash.)
 */
@Component
public class AnchorCheck {

  /** What the database says about an anchored head. */
  public enum Outcome {
    /** The entry at that position still has that hash, and its content still produces it. */
    MATCHES,
    /** A different hash is stored there: the chain up to there was rewritten. */
    DIFFERENT_HASH,
    /** The stored hash is unchanged, but the entry's content no longer produces it. */
    CONTENT_CHANGED,
    /** No entry holds that position any more: deleted. */
    MISSING,
    /** The chain in the database ends before that position: its newest entries were removed. */
    BEYOND_HEAD
  }

  /**
   * The answer.
   *
   * @param storedHash the hash stored at {@code seq} (hex), if any
   * @param matches {@code outcome == MATCHES}
   * @param headSeq the sealer's head now
   * @param verifiedThrough the position up to which the scheduled verification verified the chain
   * @param chainStatus the newest scheduled verification's status (VERIFIED, BROKEN or NONE)
   */
  public record Result(
      @Schema(example = "120394") long seq,
      @Schema(example = "9f2c4b7a1e0d3c5b8a6f2e1d0c9b8a7f6e5d4c3b2a190817f6e5d4c3b2a1908e1")
          String anchoredHash,
      @Schema(example = "9f2c4b7a1e0d3c5b8a6f2e1d0c9b8a7f6e5d4c3b2a190817f6e5d4c3b2a1908e1")
          @Nullable String storedHash,
      Outcome outcome,
      @Schema(example = "true") boolean matches,
      @Schema(example = "120512") long headSeq,
      @Schema(example = "120400") long verifiedThrough,
      @Schema(example = "VERIFIED") String chainStatus) {}

  private final ChainStore store;
  private final ChainCheckpoints checkpoints;

  AnchorCheck(ChainStore store, ChainCheckpoints checkpoints) {
    this.store = store;
    this.checkpoints = checkpoints;
  }

  public Result check(AnchoredHead head) {
    ChainStore.Head chainHead = store.head();
    AuditEntry entry = store.entryAt(head.seq()).orElse(null);
    Outcome outcome;
    if (head.seq() > chainHead.seq() && entry == null) {
      outcome = Outcome.BEYOND_HEAD;
    } else if (entry == null || entry.hash() == null) {
      outcome = Outcome.MISSING;
    } else if (!MessageDigest.isEqual(entry.hash(), head.hashBytes())) {
      outcome = Outcome.DIFFERENT_HASH;
    } else {
      byte[] previous =
          head.seq() == 1
              ? ChainEncoding.genesis()
              : store.entryAt(head.seq() - 1).map(AuditEntry::hash).orElse(null);
      boolean reproduced =
          previous != null
              && previous.length == ChainEncoding.HASH_LENGTH
              && MessageDigest.isEqual(
                  ChainEncoding.hash(previous, head.seq(), entry), head.hashBytes());
      outcome = reproduced ? Outcome.MATCHES : Outcome.CONTENT_CHANGED;
    }
    String stored =
        entry == null || entry.hash() == null ? null : HexFormat.of().formatHex(entry.hash());
    return new Result(
        head.seq(),
        head.hash(),
        stored,
        outcome,
        outcome == Outcome.MATCHES,
        chainHead.seq(),
        checkpoints.latestVerified().map(ChainCheckpoint::seq).orElse(0L),
        checkpoints.latest().map(c -> c.status().name()).orElse("NONE"));
  }
}
