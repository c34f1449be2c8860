package org.suishen.healthcode.internal.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.healthcode.CodeType;
import org.suishen.healthcode.ScanReason;
import org.suishen.healthcode.internal.HealthCodeProperties;
import org.suishen.healthcode.internal.scan.ScanDecider.DecidedScan;
import org.suishen.healthcode.internal.token.TokenVerifier;

/** Grouped scans without a database: groups, answers, failures and a full queue. */
class ScanGroupsTest {

  private ScanGroups recorder;
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @AfterEach
  void stop() {
    if (recorder != null) {
      recorder.stop();
    }
  }

  static HealthCodeProperties properties(int queue) {
    return new HealthCodeProperties(
        Duration.ofSeconds(60),
        Duration.ofSeconds(30),
        Duration.ofSeconds(30),
        null,
        false,
        "",
        "photos",
        new HealthCodeProperties.Keys(
            Duration.ofDays(1),
            Duration.ofSeconds(30),
            Duration.ofSeconds(60),
            Duration.ofSeconds(1)),
        new HealthCodeProperties.Scan(
            Set.of(CodeType.LIVE), queue, 100, Duration.ofSeconds(5), 1, Duration.ofDays(180), 3));
  }

  static ScanJob job() {
    return job("staff:x");
  }

  static ScanJob job(String scanner) {
    return new ScanJob(
        Instant.parse("2026-03-01T02:00:00Z"),
        scanner,
        null,
        null,
        new TokenVerifier.Verification(ScanReason.MALFORMED, null),
        Set.of(CodeType.LIVE));
  }

  /** Decides every scan as its token check said, remembering the size of each group. */
  static final class EchoDecider implements ScanDecider {
    final List<Integer> groups = new CopyOnWriteArrayList<>();
    volatile boolean fail;

    @Override
    public List<DecidedScan> decide(List<ScanJob> group) {
      if (fail) {
        throw new org.springframework.dao.DataAccessResourceFailureException("database away");
      }
      groups.add(group.size());
      return group.stream()
          .map(
              job ->
                  new DecidedScan(
                      new ScanDecision(
                          job.verification().reason(),
                          null,
                          job.scanner(),
                          null,
                          null,
                          job.scannedAt()),
                      new ScanRecord(
                          job.scannedAt(),
                          job.scanner(),
                          null,
                          null,
                          job.verification().reason(),
                          null,
                          null,
                          null,
                          null)))
          .toList();
    }
  }

  /** Records batch sizes; blocks each batch until released, or fails. */
  static final class FakeJdbc extends JdbcTemplate {
    final List<Integer> batches = new CopyOnWriteArrayList<>();
    volatile CountDownLatch gate = new CountDownLatch(0);
    final java.util.concurrent.Semaphore entered = new java.util.concurrent.Semaphore(0);
    volatile boolean fail;

    @Override
    public int update(String sql, @Nullable Object... args) {
      entered.release();
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (fail) {
        throw new org.springframework.dao.DataAccessResourceFailureException("database away");
      }
      int rows = ((String[]) Objects.requireNonNull(args)[0]).length;
      batches.add(rows);
      return rows;
    }
  }

  static final class NoTransactions extends AbstractPlatformTransactionManager {
    @Override
    protected Object doGetTransaction() {
      return new Object();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {}

    @Override
    protected void doCommit(DefaultTransactionStatus status) {}

    @Override
    protected void doRollback(DefaultTransactionStatus status) {}
  }

  ScanGroups start(FakeJdbc jdbc, int queue) {
    return start(jdbc, queue, new EchoDecider());
  }

  ScanGroups start(FakeJdbc jdbc, int queue, ScanDecider decider) {
    recorder =
        new ScanGroups(
            jdbc,
            new TransactionTemplate(new NoTransactions()),
            properties(queue),
            decider,
            meters);
    recorder.start();
    return recorder;
  }

  @Test
  void scansThatArriveDuringACommitShareTheNextOne() throws Exception {
    var jdbc = new FakeJdbc();
    jdbc.gate = new CountDownLatch(1);
    var recorder = start(jdbc, 1000);
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<?> first = threads.submit(() -> recorder.decideAndRecord(job()));
      jdbc.entered.acquire();
      // the writer now holds the first record in a (blocked) commit; 50 more queue up behind it
      var rest = new java.util.ArrayList<Future<?>>();
      for (int i = 0; i < 50; i++) {
        rest.add(threads.submit(() -> recorder.decideAndRecord(job())));
      }
      while (recorder.waiting() < 50) {
        Thread.onSpinWait();
      }
      jdbc.gate.countDown();
      first.get();
      for (var f : rest) {
        f.get();
      }
    }
    assertThat(jdbc.batches).containsExactly(1, 50);
    assertThat(meters.get("suishen.scan.group.size").summary().max()).isEqualTo(50);
  }

  @Test
  void everyScanGetsItsOwnDecision() throws Exception {
    var jdbc = new FakeJdbc();
    jdbc.gate = new CountDownLatch(1);
    var recorder = start(jdbc, 1000);
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<?> first = threads.submit(() -> recorder.decideAndRecord(job()));
      jdbc.entered.acquire();
      var answers = new java.util.ArrayList<Future<ScanDecision>>();
      for (int i = 0; i < 20; i++) {
        String scanner = "device:" + i;
        answers.add(threads.submit(() -> recorder.decideAndRecord(job(scanner))));
      }
      while (recorder.waiting() < 20) {
        Thread.onSpinWait();
      }
      jdbc.gate.countDown();
      first.get();
      for (int i = 0; i < 20; i++) {
        assertThat(answers.get(i).get().maskedName()).isEqualTo("device:" + i);
      }
    }
  }

  @Test
  void aFailedReadRefusesTheScansAndRecordsNothing() {
    var jdbc = new FakeJdbc();
    var decider = new EchoDecider();
    decider.fail = true;
    var recorder = start(jdbc, 10, decider);
    assertThatThrownBy(() -> recorder.decideAndRecord(job()))
        .isInstanceOfSatisfying(ScanNotRecorded.class, e -> assertThat(e.busy()).isFalse());
    assertThat(jdbc.batches).isEmpty();
  }

  @Test
  void aFailedCommitRefusesTheScansInsteadOfAcknowledgingThem() {
    var jdbc = new FakeJdbc();
    jdbc.fail = true;
    var recorder = start(jdbc, 10);
    assertThatThrownBy(() -> recorder.decideAndRecord(job()))
        .isInstanceOfSatisfying(ScanNotRecorded.class, e -> assertThat(e.busy()).isFalse());
  }

  @Test
  void aFullQueueShedsLoadAtOnce() throws Exception {
    var jdbc = new FakeJdbc();
    jdbc.gate = new CountDownLatch(1);
    var recorder = start(jdbc, 2);
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      var waiting = new java.util.ArrayList<Future<?>>();
      waiting.add(threads.submit(() -> recorder.decideAndRecord(job())));
      jdbc.entered.acquire();
      waiting.add(threads.submit(() -> recorder.decideAndRecord(job())));
      waiting.add(threads.submit(() -> recorder.decideAndRecord(job())));
      while (recorder.waiting() < 2) {
        Thread.onSpinWait();
      }
      assertThatThrownBy(() -> recorder.decideAndRecord(job()))
          .isInstanceOfSatisfying(ScanNotRecorded.class, e -> assertThat(e.busy()).isTrue());
      assertThat(meters.get("suishen.scan.refused").tag("why", "busy").counter().count())
          .isEqualTo(1);
      jdbc.gate.countDown();
      for (var f : waiting) {
        f.get();
      }
    }
    assertThat(jdbc.batches.stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
  }

  @Test
  void aStoppedGroupWorkerWritesWhatIsQueuedAndRefusesNewScans() {
    var jdbc = new FakeJdbc();
    var recorder = start(jdbc, 10);
    recorder.decideAndRecord(job());
    recorder.stop();
    assertThat(recorder.isRunning()).isFalse();
    assertThatThrownBy(() -> recorder.decideAndRecord(job())).isInstanceOf(ScanNotRecorded.class);
    assertThat(jdbc.batches).containsExactly(1);
  }
}
