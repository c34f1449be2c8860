package org.suishen.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.audit.AnchoredHead;
import org.suishen.audit.internal.ChainReport.BrokenLink;
import org.suishen.audit.internal.VerificationStep.Start;

/**
 * Verifies the hash chain on a schedule, incrementally: each run continues from the newest VERIFIED
 * checkpoint, in steps of {@code entries-per-checkpoint} entries (one short transaction each, a
 * checkpoint stored after each, so that an interrupted run resumes where it stopped), at most
 * {@code max-entries-per-run} entries per run. Only the node holding a PostgreSQL advisory lock
 * works; the others skip the run. A break is stored as a BROKEN checkpoint, logged as an ERROR
 * (positions and entry ids only) and shown by the metrics and the health indicator; the next run
 * verifies again from the last VERIFIED checkpoint, so the state clears only once the chain holds
 * there again (the BROKEN row stays as history). After verifying, the head is anchored ({@link
 * ChainAnchoring}).
 */
@Component
public class ScheduledVerification {

  private static final Logger log = LoggerFactory.getLogger(ScheduledVerification.class);

  private final VerificationLock lock;
  private final TransactionTemplate transactions;
  private final ChainStore store;
  private final ChainCheckpoints checkpoints;
  private final ChainAnchoring anchoring;
  private final ChainVerificationMetrics metrics;
  private final Clock clock;
  private final ScheduledVerificationProperties properties;
  private final ChainWalk walk;

  ScheduledVerification(
      VerificationLock lock,
      TransactionTemplate transactions,
      ChainStore store,
      ChainCheckpoints checkpoints,
      ChainAnchoring anchoring,
      ChainVerificationMetrics metrics,
      Clock clock,
      AuditProperties auditProperties,
      ScheduledVerificationProperties properties) {
    this.lock = lock;
    this.transactions = transactions;
    this.store = store;
    this.checkpoints = checkpoints;
    this.anchoring = anchoring;
    this.metrics = metrics;
    this.clock = clock;
    this.properties = properties;
    this.walk = new ChainWalk(store::entries, auditProperties.verifyBatchSize());
  }

  /**
   * What one run did.
   *
   * @param ran false if another node held the lock
   * @param verified entries verified by this run
   * @param latest the newest checkpoint after the run
   * @param anchored the head published by this run, if any
   */
  public record Run(
      boolean ran,
      long verified,
      @Nullable ChainCheckpoint latest,
      @Nullable AnchoredHead anchored) {}

  /** The scheduled entry point: never throws; a failed run is retried at the next interval. */
  @SchedulerLock(name = "audit.scheduledVerification")
  void runScheduled() {
    try {
      run(false);
    } catch (RuntimeException e) {
      log.error("Scheduled verification of the audit chain failed; retrying next run", e);
    }
  }

  /**
   * Verifies from the newest checkpoint towards the head (bounded), then anchors the head if due.
   *
   * @param waitForLock wait for another node's run to finish instead of skipping
   */
  public Run run(boolean waitForLock) {
    long budget = properties.maxEntriesPerRun();
    long verified = 0;
    boolean ran = false;
    while (budget > 0) {
      long limit = Math.min(budget, properties.entriesPerCheckpoint());
      Step step = transactions.execute(status -> step(waitForLock, limit));
      if (step == null || !step.ran()) {
        break; // another node is verifying
      }
      ran = true;
      verified += step.verified();
      budget -= Math.max(1, step.verified());
      if (step.done()) {
        break;
      }
    }
    AnchoredHead anchored = ran ? anchoring.anchorIfDue(waitForLock) : null;
    metrics.refresh(checkpoints);
    if (ran) {
      metrics.completedRun(clock.instant());
    }
    ChainCheckpoint latest = checkpoints.latest().orElse(null);
    if (ran && latest != null && !latest.broken()) {
      log.info(
          "Audit chain verified through position {} ({} entries this run)", latest.seq(), verified);
    }
    return new Run(ran, verified, latest, anchored);
  }

  private record Step(boolean ran, long verified, boolean done) {}

  private Step step(boolean waitForLock, long limit) {
    if (!lock.acquire(waitForLock)) {
      return new Step(false, 0, true);
    }
    Instant now = clock.instant();
    Optional<ChainCheckpoint> previous = checkpoints.latest();
    Start start =
        checkpoints
            .latestVerified()
            .map(
                c ->
                    new Start(
                        c.seq(),
                        c.hash(),
                        store.entryAt(c.seq()).map(AuditEntry::hash).orElse(null)))
            .orElseGet(
                () -> {
                  // no checkpoint yet: from the chain's base (the beginning, or after a purge)
                  ChainStore.Head base = store.base();
                  return new Start(base.seq(), base.hash(), base.hash());
                });
    VerificationStep.Result result = VerificationStep.run(start, store.head(), limit, walk);
    ChainWalk.Outcome outcome = result.outcome();
    metrics.verified(outcome.verified());
    BrokenLink broken = outcome.broken();
    if (broken != null) {
      checkpoints.broken(outcome.lastSeq(), outcome.lastHash(), now, outcome.verified(), broken);
      boolean sameAsBefore =
          previous
              .filter(ChainCheckpoint::broken)
              .filter(p -> Objects.equals(p.brokenSeq(), broken.seq()))
              .filter(p -> p.problem() == broken.problem())
              .isPresent();
      if (!sameAsBefore) {
        metrics.breakFound();
      }
      // positions and ids only: never the entry's content (it may name a person's data)
      log.error(
          "AUDIT CHAIN BROKEN at chain position {} (entry id {}): {}; last good position {}."
              + " Compare with the anchored heads and restore the entries (docs/audit.md).",
          broken.seq(),
          broken.id() == null ? "-" : broken.id(),
          broken.problem(),
          outcome.lastSeq());
      return new Step(true, outcome.verified(), true);
    }
    boolean wasBroken = previous.map(ChainCheckpoint::broken).orElse(false);
    if (outcome.verified() > 0 || wasBroken) {
      checkpoints.verified(outcome.lastSeq(), outcome.lastHash(), now, outcome.verified());
      if (wasBroken) {
        log.warn(
            "Audit chain holds again through position {} after the break recorded earlier",
            outcome.lastSeq());
      }
    }
    return new Step(true, outcome.verified(), result.reachedHead());
  }
}
