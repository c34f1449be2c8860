package org.suishen.sampling.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.sampling.internal.Enrolments.Claim;
import org.suishen.sampling.internal.Enrolments.Enrolment;
import org.suishen.sampling.internal.Enrolments.Outcome;
import org.suishen.shared.problem.SuishenException;

/**
 * Registrations are written in groups, as scans are: a request resolves its credential (reads
 * only), puts the enrolment on a bounded queue and waits; a worker drains the queue and, in one
 * transaction, claims every key, locks the tubes, judges each enrolment in its order as if alone
 * ({@link Enrolments}) and writes the accepted ones with one statement per table, commits, then
 * answers each request. A group shares its round trips and its commit (one fsync) among all the
 * registrations that arrived while the previous group was in the database; every acknowledged
 * registration is committed. A group that cannot be written (another transaction registered one of
 * its people meanwhile) is rolled back and each of its enrolments registered alone. A full queue
 * refuses at once ({@code sampling.registration.busy}, 503: the terminal keeps it queued and sends
 * it again with its key).
 */
@Component
class RegistrationGroups implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RegistrationGroups.class);

  private final Enrolments enrolments;
  private final TransactionTemplate transactions;
  private final BlockingQueue<Pending> queue;
  private final int maxGroup;
  private final long timeoutNanos;
  private final DistributionSummary groupSizes;
  private final Counter refused;
  private volatile boolean running;
  private Thread worker;

  RegistrationGroups(
      Enrolments enrolments,
      PlatformTransactionManager transactions,
      SamplingProperties properties,
      MeterRegistry meters) {
    this.enrolments = enrolments;
    this.transactions = new TransactionTemplate(transactions);
    var grouping = properties.groups();
    this.queue = new ArrayBlockingQueue<>(grouping.queueCapacity());
    this.maxGroup = grouping.maxGroup();
    this.timeoutNanos = grouping.commitTimeout().toNanos();
    this.groupSizes =
        DistributionSummary.builder("suishen.sampling.registration.group.size")
            .description("Registrations written together (one transaction, one commit)")
            .register(meters);
    this.refused =
        Counter.builder("suishen.sampling.registration.refused.busy")
            .description("Registrations refused because too many were waiting")
            .register(meters);
    Gauge.builder("suishen.sampling.registration.waiting", queue, BlockingQueue::size)
        .description("Registrations waiting for the group worker")
        .register(meters);
  }

  /** Queues the enrolment and waits until its group is committed; what became of it. */
  Outcome submit(Enrolment enrolment) {
    var pending = new Pending(enrolment, new CompletableFuture<>());
    if (!running || !queue.offer(pending)) {
      refused.increment();
      throw busy();
    }
    try {
      return pending.outcome().get(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("registration group failed", e.getCause());
    } catch (TimeoutException e) {
      // it may still be committed: the terminal's retry with the same key answers as the first time
      throw busy();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy();
    }
  }

  private static SuishenException busy() {
    return new SuishenException("sampling.registration.busy", HttpStatus.SERVICE_UNAVAILABLE);
  }

  @Override
  public synchronized void start() {
    running = true;
    worker = Thread.ofPlatform().name("registration-groups").daemon(true).start(this::drainLoop);
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (worker != null) {
      try {
        worker.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      worker = null;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void drainLoop() {
    var group = new ArrayList<Pending>(maxGroup);
    while (running || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        group.add(first);
        queue.drainTo(group, maxGroup - 1);
        write(group);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        if (!running) {
          break;
        }
      } finally {
        group.clear();
      }
    }
  }

  private void write(List<Pending> group) {
    groupSizes.record(group.size());
    List<Outcome> outcomes;
    try {
      outcomes = transactions.execute(tx -> judge(group));
    } catch (RuntimeException e) {
      if (!(e instanceof Enrolments.ConcurrentEnrolment)) {
        log.warn("A group of {} registrations failed; each is registered alone", group.size(), e);
      }
      group.forEach(p -> p.outcome().complete(new Outcome.Retry()));
      return;
    }
    if (outcomes == null) {
      group.forEach(p -> p.outcome().complete(new Outcome.Retry()));
      return;
    }
    for (int i = 0; i < group.size(); i++) {
      group.get(i).outcome().complete(outcomes.get(i));
    }
  }

  private List<Outcome> judge(List<Pending> group) {
    List<Claim> claims = group.stream().map(p -> p.enrolment().claim()).toList();
    Set<Claim> claimed = enrolments.claimAll(claims);
    var toEnrol = new ArrayList<Enrolment>();
    for (Pending p : group) {
      if (claimed.contains(p.enrolment().claim())) {
        toEnrol.add(p.enrolment());
      }
    }
    var enrolled = toEnrol.isEmpty() ? List.<Outcome>of() : enrolments.enrolAll(toEnrol);
    var outcomes = new ArrayList<Outcome>(group.size());
    int next = 0;
    for (Pending p : group) {
      outcomes.add(
          claimed.contains(p.enrolment().claim()) ? enrolled.get(next++) : new Outcome.Replay());
    }
    return outcomes;
  }

  private record Pending(Enrolment enrolment, CompletableFuture<Outcome> outcome) {}
}
