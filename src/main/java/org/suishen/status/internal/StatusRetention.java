package org.suishen.status.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.shared.jobs.ChunkedDelete;
import org.suishen.shared.security.Actor;

/**
 * The history of colour changes and the notices delivered to people only accumulate (one row per
 * change, for 25 million people): past {@code suishen.status.retention.*} (180 days) they are
 * deleted, nightly, in chunks, once across nodes; each run that deleted anything is audited. The
 * current status is never touched, nor a notice not yet delivered. The history is append-only in
 * the database (V10_2); each chunk here declares itself the retention's for its own transaction
 * (V29_2), so that no other code path can delete a change.
 */
@Component
class StatusRetention {

  static final String PURGED = "status.history.purged";
  private static final Logger log = LoggerFactory.getLogger(StatusRetention.class);

  /** What one run deleted. */
  record Purged(long history, long notices) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final AuditTrail audit;
  private final StatusProperties properties;
  private final Clock clock;

  StatusRetention(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      AuditTrail audit,
      StatusProperties properties,
      Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  @Scheduled(cron = "0 35 3 * * *", zone = "${suishen.time-zone:Asia/Shanghai}")
  @SchedulerLock(name = "status.statusRetention")
  void nightly() {
    purge();
  }

  Purged purge() {
    Instant now = clock.instant();
    Instant historyBefore = now.minus(properties.retention().history());
    Instant noticesBefore = now.minus(properties.retention().notices());
    Timestamp changesBefore = Timestamp.from(historyBefore);
    long history = ChunkedDelete.repeat(() -> historyChunk(changesBefore));
    long notices =
        ChunkedDelete.run(
            jdbc,
            "DELETE FROM status_notice WHERE id IN (SELECT id FROM status_notice"
                + " WHERE created_at < ? AND delivered_at IS NOT NULL LIMIT ?)",
            Timestamp.from(noticesBefore));
    if (history + notices > 0) {
      audit.record(
          AuditEvent.of(
              Actor.system("status-retention"),
              PURGED,
              null,
              history
                  + " status changes recorded before "
                  + historyBefore
                  + ", "
                  + notices
                  + " delivered notices made before "
                  + noticesBefore));
      log.info(
          "Deleted {} status changes and {} delivered notices past retention", history, notices);
    }
    return new Purged(history, notices);
  }

  private int historyChunk(Timestamp before) {
    Integer deleted =
        transactions.execute(
            status -> {
              jdbc.sql("SELECT set_config('suishen.retention', 'status-history', true)")
                  .query()
                  .singleRow();
              return jdbc.sql(
                      "DELETE FROM health_status_history WHERE id IN (SELECT id FROM"
                          + " health_status_history WHERE recorded_at < ? LIMIT ?)")
                  .params(before, ChunkedDelete.CHUNK)
                  .update();
            });
    return deleted == null ? 0 : deleted;
  }
}
