package org.suishen.audit.internal;

import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;
import org.suishen.audit.internal.ChainReport.BrokenLink;
import org.suishen.audit.internal.ChainReport.Problem;
import org.suishen.audit.internal.ChainStore.Head;
import org.suishen.audit.internal.ChainWalk.Outcome;

/**
 * One step of the incremental verification: from the newest verified checkpoint, at most a bounded
 * number of entries towards the sealer's head. Before walking on, it checks that the hash stored at
 * the checkpoint is still the one verified there (a history rewritten with recomputed hashes would
 * otherwise go unnoticed by a walk that only looks forward), and that the head has not gone back.
 */
final class VerificationStep {

  /**
   * Where the step starts.
   *
   * @param seq the checkpoint's position (0: the beginning of the chain)
   * @param hash the hash verified there
   * @param storedHash the hash stored at that position now ({@code null}: no entry there)
   */
  record Start(long seq, byte[] hash, byte @Nullable [] storedHash) {

    static Start beginning() {
      byte[] genesis = ChainEncoding.genesis();
      return new Start(0, genesis, genesis);
    }
  }

  /**
   * @param outcome what the walk found
   * @param reachedHead whether the step verified up to the head (nothing left for this run)
   */
  record Result(Outcome outcome, boolean reachedHead) {}

  private VerificationStep() {}

  static Result run(Start start, Head head, long maxEntries, ChainWalk walk) {
    if (start.seq() > 0
        && (start.storedHash() == null
            || !MessageDigest.isEqual(start.storedHash(), start.hash()))) {
      return stop(start, new BrokenLink(start.seq(), null, Problem.CHECKPOINT_MISMATCH));
    }
    if (head.seq() < start.seq()) {
      // the sealer's head is behind what was verified: the newest entries were removed
      return stop(start, new BrokenLink(head.seq(), null, Problem.HEAD_MISMATCH));
    }
    long to = Math.min(head.seq(), start.seq() + Math.max(0, maxEntries));
    boolean reachedHead = to == head.seq();
    Outcome outcome = walk.walk(start.seq(), start.hash(), to, reachedHead ? head.hash() : null);
    return new Result(outcome, reachedHead || !outcome.intact());
  }

  private static Result stop(Start start, BrokenLink broken) {
    return new Result(new Outcome(start.seq(), start.hash(), 0, broken), true);
  }
}
