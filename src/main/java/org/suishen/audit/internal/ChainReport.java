package org.suishen.audit.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of verifying (part of) the hash chain.
 *
 * @param intact no broken link in the verified range
 * @param fromSeq first chain position verified
 * @param toSeq last chain position verified (fromSeq - 1 if nothing was verified)
 * @param verified entries verified
 * @param headSeq the chain head (last sealed position) when the verification started
 * @param complete whether the verification reached the requested end (or the head); if not, it
 *     stopped at the per-request limit and can continue at {@code toSeq + 1}
 * @param broken the first broken link, if any
 * @param sealedTotal sealed entries in the chain (= headSeq)
 * @param unsealedOverdue entries written longer ago than the alarm threshold and still unsealed
 * @param oldestUnsealedAt when the oldest overdue unsealed entry was written
 */
public record ChainReport(
    @Schema(example = "true") boolean intact,
    @Schema(example = "1") long fromSeq,
    @Schema(example = "120394") long toSeq,
    @Schema(example = "120394") long verified,
    @Schema(example = "120394") long headSeq,
    @Schema(example = "true") boolean complete,
    @Nullable BrokenLink broken,
    @Schema(example = "120394") long sealedTotal,
    @Schema(example = "0") long unsealedOverdue,
    @Nullable Instant oldestUnsealedAt) {

  /** Whether the chain is intact and nothing is waiting too long for its seal. */
  public boolean healthy() {
    return intact && unsealedOverdue == 0;
  }

  /**
   * The first place where the chain does not hold.
   *
   * @param seq the chain position
   * @param id the entry found there, or {@code null} if it is missing
   * @param problem what is wrong
   */
  public record BrokenLink(
      @Schema(example = "118000") long seq,
      @Schema(example = "980101") @Nullable Long id,
      Problem problem) {}

  /** What is wrong with a link. */
  public enum Problem {
    /** The entry's content or hash no longer matches the chain: it was changed. */
    TAMPERED,
    /** No entry holds this position: it was deleted. */
    MISSING,
    /** The last entry does not match the chain head the sealer recorded: the end was rewritten. */
    HEAD_MISMATCH,
    /**
     * The hash stored at a position verified earlier (a checkpoint) is no longer the one verified
     * there: history before it was rewritten and its hashes recomputed, or the entry deleted.
     */
    CHECKPOINT_MISMATCH
  }
}
