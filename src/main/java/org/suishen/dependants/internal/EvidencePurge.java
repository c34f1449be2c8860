package org.suishen.dependants.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.dependants.Binding;
import org.suishen.dependants.ProxyAudit;
import org.suishen.shared.batch.BatchRunner;
import org.suishen.shared.security.Actor;

/**
 * Deletes the uploaded household-register pages that the retention rule ({@link EvidenceRetention},
 * {@code suishen.dependants.evidence-retention.*}) no longer allows to keep (daily). The bytes go;
 * the row stays as a tombstone with format, size, SHA-256 and the time of deletion. Each deletion
 * is audited {@code dependants.evidence.purged} with both people (subject the dependant, detail the
 * holder), actor {@code system:dependants-retention}, reason {@code retention}. Only counts are
 * logged.
 *
 * <p>Work goes in batches of {@code batch-size} ({@link BatchRunner}), one transaction each, the
 * evidence rows locked {@code FOR UPDATE SKIP LOCKED}: several nodes may run at once without
 * deleting a page twice, and a second run finds nothing.
 */
@Component("dependantEvidencePurge")
public class EvidencePurge {

  /** The actor of the job's deletions in the audit trail. */
  static final Actor ACTOR = Actor.system("dependants-retention");

  private static final String JOB = "Evidence retention";

  private static final Logger log = LoggerFactory.getLogger(EvidencePurge.class);

  private final BindingStore store;
  private final EvidenceRetention retention;
  private final ProxyAudit audit;
  private final DependantsProperties properties;
  private final TransactionTemplate transactions;
  private final Clock clock;

  EvidencePurge(
      BindingStore store,
      EvidenceRetention retention,
      ProxyAudit audit,
      DependantsProperties properties,
      TransactionTemplate transactions,
      Clock clock) {
    this.store = store;
    this.retention = retention;
    this.audit = audit;
    this.properties = properties;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Scheduled(
      cron = "${suishen.dependants.evidence-retention.cron:0 45 3 * * *}",
      zone = "${suishen.time-zone:Asia/Shanghai}")
  @SchedulerLock(name = "dependants.evidencePurge")
  void scheduled() {
    BatchRunner.scheduled(JOB, properties.evidenceRetention().enabled(), this::run);
  }

  /** Deletes every page due now, batch by batch; returns how many were deleted. */
  public int run() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    int batchSize = properties.evidenceRetention().batchSize();
    int total =
        BatchRunner.run(JOB, transactions, batchSize, () -> batch(now, batchSize)).stream()
            .mapToInt(Batch::changed)
            .sum();
    if (total > 0) {
      log.info("Evidence retention: {} household-register pages deleted", total);
    }
    return total;
  }

  /** One batch: the pages claimed, and how many of them were deleted. */
  private record Batch(int claimed, int changed) implements BatchRunner.Batch {}

  private Batch batch(Instant now, int batchSize) {
    List<Binding> due = store.claimPurgeable(retention.cutoffs(now), batchSize);
    int purged = 0;
    for (Binding binding : due) {
      // the rule decides, the query only finds candidates
      if (retention.due(binding, now) && store.purgeEvidence(binding.id(), now)) {
        audit.record(
            ACTOR,
            AuditActions.EVIDENCE_PURGED,
            binding.dependant(),
            "retention",
            binding.holder());
        purged++;
      }
    }
    return new Batch(due.size(), purged);
  }
}
