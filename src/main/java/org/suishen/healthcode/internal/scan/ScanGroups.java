package org.suishen.healthcode.internal.scan;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.healthcode.internal.HealthCodeProperties;
import org.suishen.healthcode.internal.scan.ScanDecider.DecidedScan;
import org.suishen.shared.batch.GroupCommit;
import org.suishen.shared.batch.GroupedWrites;

/**
 * Scans are decided and recorded in groups. A request checks its token (no database), puts the scan
 * on a bounded queue and waits; a worker thread drains the queue and, in one transaction, reads
 * what the whole group needs ({@link ScanDecider}: references, current colours), inserts every scan
 * record with one statement and commits, then answers each request. The group is everything that
 * arrived while the previous one was in the database, so a scan waits for the database once, and
 * its reads and its commit (one fsync) are shared by all scans that arrived meanwhile; every
 * acknowledged scan is committed. A second worker (configurable) would overlap its round trips with
 * the first one's. A full queue refuses new scans at once (503) instead of letting waits grow
 * without bound.
 */
@Component
public class ScanGroups extends GroupedWrites<ScanJob, ScanDecision> {

  /**
   * A whole group in one statement of fixed text (one array per column), so that PostgreSQL plans
   * it once, whatever the size of the group.
   */
  private static final String INSERT =
      "INSERT INTO scan_record (scanned_at, scanner, purpose, location, result, code_type,"
          + " person_ref, person_id, colour) SELECT * FROM unnest(?::timestamptz[], ?::text[],"
          + " ?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::uuid[], ?::text[])";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final ScanDecider decider;
  private final Counter refusedBusy;
  private final Counter refusedFailed;

  ScanGroups(
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      HealthCodeProperties properties,
      ScanDecider decider,
      MeterRegistry meters) {
    super(
        "scan-group",
        "suishen.scan",
        "Scans",
        properties.scan().queueCapacity(),
        properties.scan().maxBatch(),
        properties.scan().commitTimeout(),
        properties.scan().workers(),
        meters);
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.decider = decider;
    this.refusedBusy =
        Counter.builder("suishen.scan.refused")
            .tag("why", "busy")
            .description("Scans refused because too many were waiting")
            .register(meters);
    this.refusedFailed =
        Counter.builder("suishen.scan.refused")
            .tag("why", "failed")
            .description("Scans refused because their group failed or was not committed in time")
            .register(meters);
  }

  /**
   * Queues the scan and waits until it is decided and its record committed. Throws {@link
   * ScanNotRecorded} if it was refused, failed or not committed in time.
   */
  public ScanDecision decideAndRecord(ScanJob job) {
    try {
      return submitAndWait(job);
    } catch (GroupCommit.NotWritten e) {
      switch (e.reason()) {
        case BUSY -> {
          refusedBusy.increment();
          throw new ScanNotRecorded("scan queue full", true, null);
        }
        case FAILED -> {
          refusedFailed.increment();
          throw new ScanNotRecorded("scan group failed", false, e.getCause());
        }
        case TIMEOUT -> {
          refusedFailed.increment();
          throw new ScanNotRecorded("scan group not committed in time", false, e);
        }
      }
      throw e;
    }
  }

  @Override
  protected List<ScanDecision> write(List<ScanJob> jobs) {
    List<DecidedScan> decided =
        transactions.execute(
            tx -> {
              var group = decider.decide(jobs);
              jdbc.update(INSERT, columns(group));
              return group;
            });
    if (decided == null) {
      throw new IllegalStateException("no decisions");
    }
    return decided.stream().map(DecidedScan::decision).toList();
  }

  /** The records of a group as one text array per column (PostgreSQL casts them). */
  static Object[] columns(List<DecidedScan> group) {
    int n = group.size();
    String[][] columns = new String[9][n];
    for (int i = 0; i < n; i++) {
      ScanRecord r = group.get(i).record();
      columns[0][i] = r.scannedAt().toString();
      columns[1][i] = r.scanner();
      columns[2][i] = r.purpose();
      columns[3][i] = r.location();
      columns[4][i] = r.result().code();
      columns[5][i] = r.codeType() == null ? null : r.codeType().name();
      columns[6][i] = r.personRef() == null ? null : r.personRef().toString();
      columns[7][i] = r.personId() == null ? null : r.personId().toString();
      columns[8][i] = r.colour() == null ? null : r.colour().name();
    }
    return columns;
  }
}
