package org.suishen.appeals.internal;

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
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.shared.batch.BatchRunner;
import org.suishen.shared.security.Actor;

/**
 * Deletes the evidence files that the retention rule ({@link EvidenceRetention}, {@code
 * suishen.appeals.evidence-retention.*}) no longer allows to keep (daily). The bytes go; each
 * file's row stays as a tombstone with name, type, size, SHA-256 and the time of deletion. Each
 * appeal purged is audited {@code appeals.evidence.purged} (subject the appellant, actor {@code
 * system:appeals-retention}, reason {@code retention}, detail the appeal and the number of files).
 * Only counts are logged.
 *
 * <p>Work goes in batches of {@code batch-size} appeals ({@link BatchRunner}), one transaction
 * each, the appeal rows locked {@code FOR UPDATE SKIP LOCKED}: several nodes may run at once
 * without deleting twice, and a second run finds nothing.
 */
@Component("appealEvidencePurge")
public class EvidencePurge {

  /** The actor of the job's deletions in the audit trail. */
  static final Actor ACTOR = Actor.system("appeals-retention");

  static final String PURGED = "appeals.evidence.purged";

  private static final String JOB = "Appeal evidence retention";

  private static final Logger log = LoggerFactory.getLogger(EvidencePurge.class);

  private final JdbcAppeals appeals;
  private final EvidenceRetention retention;
  private final AuditTrail audit;
  private final AppealsProperties properties;
  private final TransactionTemplate transactions;
  private final Clock clock;

  EvidencePurge(
      JdbcAppeals appeals,
      EvidenceRetention retention,
      AuditTrail audit,
      AppealsProperties properties,
      TransactionTemplate transactions,
      Clock clock) {
    this.appeals = appeals;
    this.retention = retention;
    this.audit = audit;
    this.properties = properties;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** What one run did. */
  public record Result(int appeals, int files) {}

  @Scheduled(
      cron = "${suishen.appeals.evidence-retention.cron:0 15 3 * * *}",
      zone = "${suishen.time-zone:Asia/Shanghai}")
  @SchedulerLock(name = "appeals.evidencePurge")
  void scheduled() {
    BatchRunner.scheduled(JOB, properties.evidenceRetention().enabled(), this::run);
  }

  /** Deletes the files of every appeal due now, batch by batch. */
  public Result run() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    int batchSize = properties.evidenceRetention().batchSize();
    var batches = BatchRunner.run(JOB, transactions, batchSize, () -> batch(now, batchSize));
    int appealsPurged = batches.stream().mapToInt(Batch::changed).sum();
    int files = batches.stream().mapToInt(Batch::files).sum();
    if (appealsPurged > 0) {
      log.info(
          "Appeal evidence retention: files of {} appeals deleted ({} files)",
          appealsPurged,
          files);
    }
    return new Result(appealsPurged, files);
  }

  /** One batch: the appeals claimed, how many of them were purged, and their files. */
  private record Batch(int claimed, int changed, int files) implements BatchRunner.Batch {}

  private Batch batch(Instant now, int batchSize) {
    List<JdbcAppeals.Purgeable> due = appeals.claimPurgeable(retention.decidedBy(now), batchSize);
    int purged = 0;
    int files = 0;
    for (var appeal : due) {
      // the rule decides, the query only finds candidates
      if (!retention.due(appeal.state(), appeal.decidedAt(), now)) {
        continue;
      }
      int deleted = appeals.purgeEvidence(appeal.appealId(), now);
      if (deleted > 0) {
        audit.record(
            new AuditEvent(
                ACTOR,
                PURGED,
                appeal.personId(),
                "retention",
                "appeal=" + appeal.appealId() + " files=" + deleted));
        purged++;
        files += deleted;
      }
    }
    return new Batch(due.size(), purged, files);
  }
}
