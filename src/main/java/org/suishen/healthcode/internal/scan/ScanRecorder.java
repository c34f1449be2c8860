package org.suishen.healthcode.internal.scan;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
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

/**
 * Group commit of the scan log: requests put their record on a bounded queue and wait; a writer
 * thread drains the queue and inserts everything waiting as one JDBC batch in one transaction, then
 * completes each request's future. A second writer (configurable) takes the next group while the
 * first one waits for its commit. So every acknowledged scan is committed, while a commit (one
 * fsync) is shared by all scans that arrived during the previous one. A full queue refuses new
 * scans at once (503) instead of letting waits grow without bound.
 */
@Component
public class ScanRecorder implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ScanRecorder.class);
  private static final String INSERT =
      "INSERT INTO scan_record (scanned_at, scanner, purpose, location, result, code_type,"
          + " person_ref, person_id, colour) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final BlockingQueue<Pending> queue;
  private final int maxBatch;
  private final long timeoutNanos;
  private final int writerCount;
  private final List<Thread> writers = new ArrayList<>();
  private volatile boolean running;

  ScanRecorder(
      JdbcTemplate jdbc, TransactionTemplate transactions, HealthCodeProperties properties) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.queue = new ArrayBlockingQueue<>(properties.scan().queueCapacity());
    this.maxBatch = properties.scan().maxBatch();
    this.timeoutNanos = properties.scan().commitTimeout().toNanos();
    this.writerCount = Math.max(1, properties.scan().writers());
  }

  /**
   * Queues the record and waits until it is committed. Throws {@link ScanNotRecorded} if it was
   * refused, failed or not committed in time.
   */
  public void recordAndWait(ScanRecord record) {
    var pending = new Pending(record, new CompletableFuture<>());
    if (!running || !queue.offer(pending)) {
      throw new ScanNotRecorded("scan log queue full", true, null);
    }
    try {
      pending.committed().get(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new ScanNotRecorded("scan log write failed", false, e.getCause());
    } catch (TimeoutException e) {
      throw new ScanNotRecorded("scan log commit timed out", false, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ScanNotRecorded("interrupted", false, e);
    }
  }

  /** Records waiting for the writer (for metrics and tests). */
  public int waiting() {
    return queue.size();
  }

  @Override
  public synchronized void start() {
    running = true;
    for (int i = 0; i < writerCount; i++) {
      writers.add(
          Thread.ofPlatform().name("scan-log-writer-" + i).daemon(true).start(this::drainLoop));
    }
  }

  @Override
  public synchronized void stop() {
    running = false;
    for (Thread thread : writers) {
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    writers.clear();
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
      transactions.executeWithoutResult(
          tx ->
              jdbc.batchUpdate(
                  INSERT, batch, batch.size(), (ps, pending) -> bind(ps, pending.record())));
      batch.forEach(p -> p.committed().complete(null));
    } catch (RuntimeException e) {
      log.error("Could not write {} scan records; the scans are refused", batch.size(), e);
      batch.forEach(p -> p.committed().completeExceptionally(e));
    }
  }

  private static void bind(PreparedStatement ps, ScanRecord r) throws SQLException {
    ps.setTimestamp(1, Timestamp.from(r.scannedAt()));
    ps.setString(2, r.scanner());
    ps.setString(3, r.purpose());
    ps.setString(4, r.location());
    ps.setString(5, r.result().code());
    ps.setString(6, r.codeType() == null ? null : r.codeType().name());
    ps.setObject(7, r.personRef(), Types.OTHER);
    ps.setObject(8, r.personId(), Types.OTHER);
    ps.setString(9, r.colour() == null ? null : r.colour().name());
  }

  private record Pending(ScanRecord record, CompletableFuture<Void> committed) {}
}
