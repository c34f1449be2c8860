package org.suishen.audit.internal;

import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.audit.AnchoredHead;
import org.suishen.audit.AuditAnchor;

/**
 * Publishes the newest verified checkpoint through the configured {@link AuditAnchor} when the
 * {@link AnchorPolicy} says it is due, and records when and where on the checkpoint. Runs under the
 * verification lock (one node). A failed publication is logged, counted and retried next run.
 */
@Component
class ChainAnchoring {

  private static final Logger log = LoggerFactory.getLogger(ChainAnchoring.class);

  private final AuditAnchor anchor;
  private final ChainCheckpoints checkpoints;
  private final VerificationLock lock;
  private final TransactionTemplate transactions;
  private final ChainVerificationMetrics metrics;
  private final Clock clock;
  private final AnchorPolicy policy;

  ChainAnchoring(
      AuditAnchor anchor,
      ChainCheckpoints checkpoints,
      VerificationLock lock,
      TransactionTemplate transactions,
      ChainVerificationMetrics metrics,
      Clock clock,
      AnchorProperties properties) {
    this.anchor = anchor;
    this.checkpoints = checkpoints;
    this.lock = lock;
    this.transactions = transactions;
    this.metrics = metrics;
    this.clock = clock;
    this.policy = new AnchorPolicy(properties.minInterval());
  }

  /** Publishes the newest verified head if due; returns it, or null if nothing was published. */
  @Nullable AnchoredHead anchorIfDue(boolean waitForLock) {
    return transactions.execute(
        status -> {
          if (!lock.acquire(waitForLock)) {
            return null;
          }
          Instant now = clock.instant();
          ChainCheckpoint latest = checkpoints.latest().orElse(null);
          Instant lastAnchoredAt =
              checkpoints.latestAnchored().map(ChainCheckpoint::anchoredAt).orElse(null);
          if (latest == null || !policy.due(latest, lastAnchoredAt, now)) {
            return null;
          }
          AnchoredHead head = AnchoredHead.of(latest.seq(), latest.hash(), latest.verifiedAt());
          String where;
          try {
            where = anchor.publish(head);
          } catch (RuntimeException e) {
            metrics.anchorFailed();
            log.error(
                "Publishing the audit chain head (position {}) failed; retrying next run",
                head.seq(),
                e);
            return null;
          }
          checkpoints.markAnchored(latest.id(), now, where);
          log.info("Audit chain head anchored: {} -> {}", head.line(), where);
          return head;
        });
  }
}
