package org.suishen.audit.internal;

import java.security.MessageDigest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.suishen.audit.internal.ChainReport.BrokenLink;
import org.suishen.audit.internal.ChainReport.Problem;

/**
 * Verifies a stretch of the hash chain from a trusted starting point: a position and the hash
 * verified there before (a checkpoint), not the hash stored at that position, so that a rewritten
 * history cannot hand the walk a forged predecessor. Reads the following entries in chain order, a
 * bounded number at a time, recomputes every hash and stops at the first broken link.
 */
final class ChainWalk {

  /**
   * The sealed entries at positions {@code fromSeq..toSeq}, in chain order, at most {@code limit}.
   */
  @FunctionalInterface
  interface Entries {
    List<AuditEntry> read(long fromSeq, long toSeq, int limit);
  }

  /**
   * Where a walk ended.
   *
   * @param lastSeq the last position verified good (the start if none)
   * @param lastHash the hash at {@code lastSeq}
   * @param verified entries verified good
   * @param broken the first broken link, if any
   */
  record Outcome(long lastSeq, byte[] lastHash, long verified, @Nullable BrokenLink broken) {

    boolean intact() {
      return broken == null;
    }
  }

  private final Entries entries;
  private final int readSize;

  ChainWalk(Entries entries, int readSize) {
    if (readSize < 1) {
      throw new IllegalArgumentException("readSize >= 1");
    }
    this.entries = entries;
    this.readSize = readSize;
  }

  /**
   * Verifies positions {@code afterSeq + 1 .. toSeq}.
   *
   * @param afterSeq the trusted starting position (0: the beginning)
   * @param afterHash the hash verified at {@code afterSeq} (32 zero bytes for 0)
   * @param toSeq the last position to verify
   * @param headHash the hash the sealer recorded for its head, if {@code toSeq} is the head: the
   *     walk's last hash must equal it
   */
  Outcome walk(long afterSeq, byte[] afterHash, long toSeq, byte @Nullable [] headHash) {
    long expected = afterSeq + 1;
    byte[] previous = afterHash;
    long verified = 0;
    while (expected <= toSeq) {
      List<AuditEntry> batch = entries.read(expected, toSeq, readSize);
      if (batch.isEmpty()) {
        return new Outcome(
            expected - 1, previous, verified, new BrokenLink(expected, null, Problem.MISSING));
      }
      for (AuditEntry entry : batch) {
        Long seq = entry.chainSeq();
        if (seq == null || seq != expected) {
          return new Outcome(
              expected - 1, previous, verified, new BrokenLink(expected, null, Problem.MISSING));
        }
        byte[] computed = ChainEncoding.hash(previous, expected, entry);
        if (entry.hash() == null || !MessageDigest.isEqual(computed, entry.hash())) {
          return new Outcome(
              expected - 1,
              previous,
              verified,
              new BrokenLink(expected, entry.id(), Problem.TAMPERED));
        }
        previous = computed;
        verified++;
        expected++;
        if (expected > toSeq) {
          break;
        }
      }
    }
    long last = expected - 1;
    if (headHash != null && last > 0 && !MessageDigest.isEqual(previous, headHash)) {
      return new Outcome(
          last, previous, verified, new BrokenLink(last, null, Problem.HEAD_MISMATCH));
    }
    return new Outcome(last, previous, verified, null);
  }
}
