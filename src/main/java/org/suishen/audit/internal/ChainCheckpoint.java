package org.suishen.audit.internal;

import java.time.Instant;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.suishen.audit.internal.ChainReport.Problem;

/**
 * One result of the scheduled verification.
 *
 * @param seq VERIFIED: the chain is verified up to and including this position; BROKEN: the last
 *     position verified good before the break
 * @param hash the hash at {@code seq}
 * @param entries entries verified by the run that stored it
 * @param brokenSeq BROKEN: where the chain does not hold
 * @param brokenId BROKEN: the entry found there, if any
 * @param problem BROKEN: what is wrong
 * @param anchoredAt when this head was published outside the database, if it was
 * @param anchoredTo where it was published
 */
public record ChainCheckpoint(
    long id,
    long seq,
    byte[] hash,
    Status status,
    Instant verifiedAt,
    long entries,
    @Nullable Long brokenSeq,
    @Nullable Long brokenId,
    @Nullable Problem problem,
    @Nullable Instant anchoredAt,
    @Nullable String anchoredTo) {

  /** The state of the chain a checkpoint records. */
  public enum Status {
    VERIFIED,
    BROKEN
  }

  public boolean broken() {
    return status == Status.BROKEN;
  }

  public String hashHex() {
    return HexFormat.of().formatHex(hash);
  }
}
