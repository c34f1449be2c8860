package org.suishen.healthcode.internal.scan;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.healthcode.internal.HealthCodeProperties;
import org.suishen.healthcode.internal.scan.ScanDecider.DecidedScan;

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
public class ScanGroups implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ScanGroups.class);

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
  private final DistributionSummary groupSizes;
  private final Counter refusedBusy;
  private final Counter refusedFailed;
  private final BlockingQueue<Pending> queue;
  private final int maxBatch;
  private final long timeoutNanos;
  private final int workerCount;
  private final List<Thread> workers = new ArrayList<>();
  private volatile boolean running;

  ScanGroups(
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      HealthCodeProperties properties,
      ScanDecider decider,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.decider = decider;
    this.groupSizes =
        DistributionSummary.builder("suishen.scan.group.size")
            .description("Scans decided and recorded together (one database pass, one commit)")
            .register(meters);
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
    this.queue = new ArrayBlockingQueue<>(properties.scan().queueCapacity());
    this.maxBatch = properties.scan().maxBatch();
    this.timeoutNanos = properties.scan().commitTimeout().toNanos();
    this.workerCount = Math.max(1, properties.scan().workers());
    Gauge.builder("suishen.scan.waiting", queue, BlockingQueue::size)
        .description("Scans waiting for a worker")
        .register(meters);
  }

  /**
   * Queues the scan and waits until it is decided and its record committed. Throws {@link
   * ScanNotRecorded} if it was refused, failed or not committed in time.
   */
  public ScanDecision decideAndRecord(ScanJob job) {
    var pending = new Pending(job, new CompletableFuture<>());
    if (!running || !queue.offer(pending)) {
      refusedBusy.increment();
      throw new ScanNotRecorded("scan queue full", true, null);
    }
    try {
      return pending.decided().get(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      refusedFailed.increment();
      throw new ScanNotRecorded("scan group failed", false, e.getCause());
    } catch (TimeoutException e) {
      refusedFailed.increment();
      throw new ScanNotRecorded("scan group not committed in time", false, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ScanNotRecorded("interrupted", false, e);
    }
  }

  /** Scans waiting for a worker (for metrics and tests). */
  public int waiting() {
    return queue.size();
  }

  @Override
  public synchronized void start() {
    running = true;
    for (int i = 0; i < workerCount; i++) {
      workers.add(Thread.ofPlatform().name("scan-group-" + i).daemon(true).start(this::drainLoop));
    }
  }

  @Override
  public synchronized void stop() {
    running = false;
    for (Thread thread : workers) {
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    workers.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void drainLoop() {
    var batch = new ArrayList<Pending>(maxBatch);
    while (running || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        if (!running) {
          break;
        }
      } finally {
        batch.clear();
      }
    }
  }

  private void write(List<Pending> batch) {
    try {
      groupSizes.record(batch.size());
      var jobs = new ArrayList<ScanJob>(batch.size());
      batch.forEach(p -> jobs.add(p.job()));
      List<DecidedScan> decided =
          transactions.execute(
              tx -> {
                var group = decider.decide(jobs);
                jdbc.update(INSERT, columns(group));
                return group;
              });
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).decided().complete(decided.get(i).decision());
      }
    } catch (RuntimeException e) {
      log.error("Could not decide and record {} scans; the scans are refused", batch.size(), e);
      batch.forEach(p -> p.decided().completeExceptionally(e));
    }
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

  private record Pending(ScanJob job, CompletableFuture<ScanDecision> decided) {}
}
