package org.suishen.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.suishen.audit.internal.ChainReport.BrokenLink;
import org.suishen.audit.internal.ChainReport.Problem;
import org.suishen.audit.internal.ChainStore.Head;
import org.suishen.audit.internal.ChainWalk.Outcome;
import org.suishen.audit.internal.VerificationStep.Result;
import org.suishen.audit.internal.VerificationStep.Start;

/**
 * The incremental verification ({@link VerificationStep}, {@link ChainWalk}) on a chain in memory.
 */
class IncrementalVerificationTest {

  private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

  /** A sealed chain of {@code n} entries, positions 1..n, ids 1001.. . */
  private final List<AuditEntry> chain = new ArrayList<>();

  /** Every read: {fromSeq, toSeq, limit}. */
  private final List<long[]> reads = new ArrayList<>();

  private void seal(int n) {
    byte[] previous = chain.isEmpty() ? ChainEncoding.genesis() : chain.getLast().hash();
    for (int i = 0; i < n; i++) {
      long seq = chain.size() + 1;
      AuditEntry unsealed = entry(seq, "reason " + seq, null);
      previous = ChainEncoding.hash(previous, seq, unsealed);
      chain.add(entry(seq, "reason " + seq, previous));
    }
  }

  private static AuditEntry entry(long seq, String reason, byte @Nullable [] hash) {
    return new AuditEntry(
        1000 + seq,
        hash == null ? null : seq,
        T0.plusSeconds(seq),
        "staff:wang.li",
        "identity.person.read",
        new UUID(0, seq),
        reason,
        seq % 2 == 0 ? null : "n=" + seq,
        hash);
  }

  private ChainWalk walk(int readSize) {
    return new ChainWalk(
        (from, to, limit) -> {
          reads.add(new long[] {from, to, limit});
          return chain.stream()
              .filter(e -> e.chainSeq() != null && e.chainSeq() >= from && e.chainSeq() <= to)
              .limit(limit)
              .toList();
        },
        readSize);
  }

  private Head head() {
    return chain.isEmpty()
        ? new Head(0, ChainEncoding.genesis())
        : new Head(chain.getLast().chainSeq(), chain.getLast().hash());
  }

  private Start checkpointAt(long seq) {
    byte[] hash = chain.get((int) seq - 1).hash();
    return new Start(seq, hash, hash);
  }

  @Test
  void theFirstStepVerifiesFromTheBeginningToTheHead() {
    seal(25);
    Result result = VerificationStep.run(Start.beginning(), head(), 1000, walk(10));
    assertThat(result.outcome().intact()).isTrue();
    assertThat(result.outcome().verified()).isEqualTo(25);
    assertThat(result.outcome().lastSeq()).isEqualTo(25);
    assertThat(result.outcome().lastHash()).isEqualTo(chain.getLast().hash());
    assertThat(result.reachedHead()).isTrue();
    assertThat(reads).as("bounded reads of 10").hasSize(3).allMatch(r -> r[2] == 10);
  }

  @Test
  void aStepContinuesAfterTheCheckpointAndReadsNothingBefore() {
    seal(40);
    Result result = VerificationStep.run(checkpointAt(30), head(), 1000, walk(100));
    assertThat(result.outcome().verified()).isEqualTo(10);
    assertThat(result.outcome().lastSeq()).isEqualTo(40);
    assertThat(reads).allMatch(r -> r[0] > 30);
  }

  @Test
  void aStepIsBoundedAndTheNextOneResumesWhereItStopped() {
    seal(23);
    Start start = Start.beginning();
    List<Long> stops = new ArrayList<>();
    Result result;
    do {
      result = VerificationStep.run(start, head(), 5, walk(2));
      assertThat(result.outcome().intact()).isTrue();
      assertThat(result.outcome().verified()).isLessThanOrEqualTo(5);
      stops.add(result.outcome().lastSeq());
      start =
          new Start(
              result.outcome().lastSeq(),
              result.outcome().lastHash(),
              chain.get((int) result.outcome().lastSeq() - 1).hash());
    } while (!result.reachedHead());
    assertThat(stops).containsExactly(5L, 10L, 15L, 20L, 23L);
    assertThat(result.outcome().lastHash()).isEqualTo(chain.getLast().hash());
  }

  @Test
  void nothingNewIsNothingToDoButTheHeadIsStillCompared() {
    seal(8);
    Result result = VerificationStep.run(checkpointAt(8), head(), 1000, walk(10));
    assertThat(result.outcome().intact()).isTrue();
    assertThat(result.outcome().verified()).isZero();
    assertThat(result.reachedHead()).isTrue();

    Head rewritten = new Head(8, new byte[32]);
    Result mismatch = VerificationStep.run(checkpointAt(8), rewritten, 1000, walk(10));
    assertThat(mismatch.outcome().broken())
        .isEqualTo(new BrokenLink(8, null, Problem.HEAD_MISMATCH));
  }

  @Test
  void aChangedEntryIsFoundAtItsPositionAndTheLastGoodPositionIsKept() {
    seal(12);
    AuditEntry original = chain.get(8); // position 9
    chain.set(
        8,
        new AuditEntry(
            original.id(),
            original.chainSeq(),
            original.occurredAt(),
            original.actor(),
            original.action(),
            original.subject(),
            "nothing to see",
            original.detail(),
            original.hash()));
    Result result = VerificationStep.run(checkpointAt(4), head(), 1000, walk(3));
    Outcome outcome = result.outcome();
    assertThat(outcome.broken()).isEqualTo(new BrokenLink(9, original.id(), Problem.TAMPERED));
    assertThat(outcome.lastSeq()).isEqualTo(8);
    assertThat(outcome.lastHash()).isEqualTo(chain.get(7).hash());
    assertThat(outcome.verified()).isEqualTo(4);
    assertThat(result.reachedHead()).as("a break ends the run").isTrue();
  }

  @Test
  void aDeletedEntryIsFoundAsMissing() {
    seal(6);
    chain.remove(3); // position 4
    Result result = VerificationStep.run(Start.beginning(), head(), 1000, walk(10));
    assertThat(result.outcome().broken()).isEqualTo(new BrokenLink(4, null, Problem.MISSING));
    assertThat(result.outcome().lastSeq()).isEqualTo(3);
  }

  @Test
  void deletedNewestEntriesAreFoundAsMissingBeforeTheHead() {
    seal(6);
    Head head = head();
    chain.remove(5);
    chain.remove(4);
    Result result = VerificationStep.run(checkpointAt(2), head, 1000, walk(10));
    assertThat(result.outcome().broken()).isEqualTo(new BrokenLink(5, null, Problem.MISSING));
  }

  @Test
  void aRewrittenHistoryBeforeTheCheckpointIsFoundByItsStoredHash() {
    seal(10);
    byte[] verified = chain.get(6).hash();
    byte[] nowStored = chain.get(6).hash().clone();
    nowStored[0] ^= 1;
    Result result = VerificationStep.run(new Start(7, verified, nowStored), head(), 1000, walk(10));
    assertThat(result.outcome().broken())
        .isEqualTo(new BrokenLink(7, null, Problem.CHECKPOINT_MISMATCH));
    assertThat(result.outcome().verified()).isZero();
    assertThat(reads).as("nothing walked").isEmpty();

    Result deleted = VerificationStep.run(new Start(7, verified, null), head(), 1000, walk(10));
    assertThat(deleted.outcome().broken().problem()).isEqualTo(Problem.CHECKPOINT_MISMATCH);
  }

  @Test
  void theWalkLinksToTheCheckpointsHashNotToTheStoredPredecessor() {
    seal(5);
    byte[] forged = new byte[32];
    forged[31] = 7;
    // the stored hash agrees with the (forged) checkpoint, but position 4 was sealed after another
    Result result = VerificationStep.run(new Start(3, forged, forged), head(), 1000, walk(10));
    assertThat(result.outcome().broken())
        .isEqualTo(new BrokenLink(4, chain.get(3).id(), Problem.TAMPERED));
  }

  @Test
  void aHeadBehindTheCheckpointMeansTheNewestEntriesWereRemoved() {
    seal(10);
    Result result =
        VerificationStep.run(checkpointAt(10), new Head(7, chain.get(6).hash()), 1000, walk(10));
    assertThat(result.outcome().broken()).isEqualTo(new BrokenLink(7, null, Problem.HEAD_MISMATCH));
  }

  @Test
  void anEmptyChainIsIntact() {
    Result result = VerificationStep.run(Start.beginning(), head(), 1000, walk(10));
    assertThat(result.outcome().intact()).isTrue();
    assertThat(result.outcome().verified()).isZero();
    assertThat(result.reachedHead()).isTrue();
  }
}
