package org.suishen.shared.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes in groups (a city's hottest writes: scans, registrations, passages): a request puts its
 * job on a bounded queue and waits; a worker takes everything that arrived while its previous group
 * was in the database and hands it to the {@link Writer} (one transaction, one commit for the
 * group), then answers each request with its result. Every answered job is committed. A full queue
 * refuses at once ({@link Reason#BUSY}) instead of letting waits grow without bound; a group that
 * failed, or was not written in time, answers each of its jobs with {@link NotWritten}.
 *
 * @param <J> what a request asks to write
 * @param <R> what it gets back, one per job, in order
 */
public final class GroupCommit<J, R> {

  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

  /** Writes one group, in its order: one result per job, or throws for the whole group. */
  @FunctionalInterface
  public interface Writer<J, R> {
    List<R> write(List<J> group);
  }

  /** Why a job got no result. */
  public enum Reason {
    /** Refused up front: too many waiting, or the worker is not running. */
    BUSY,
    /** Its group failed (the writer threw). */
    FAILED,
    /** Not written within the timeout (it may still be committed). */
    TIMEOUT
  }

  /** A job without a result. */
  public static final class NotWritten extends RuntimeException {

    private final Reason reason;

    NotWritten(Reason reason, @Nullable Throwable cause) {
      super(reason.name().toLowerCase(java.util.Locale.ROOT), cause);
      this.reason = reason;
    }

    public Reason reason() {
      return reason;
    }
  }

  private final String name;
  private final BlockingQueue<Pending<J, R>> queue;
  private final int maxGroup;
  private final long timeoutNanos;
  private final int workerCount;
  private final Writer<J, R> writer;
  private final java.util.function.IntConsumer groupSizes;
  private final List<Thread> workers = new ArrayList<>();
  private volatile boolean running;

  /**
   * @param name the workers' thread name
   * @param groupSizes told each group's size (a metric)
   */
  public GroupCommit(
      String name,
      int capacity,
      int maxGroup,
      Duration timeout,
      int workers,
      Writer<J, R> writer,
      java.util.function.IntConsumer groupSizes) {
    this.name = name;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.maxGroup = maxGroup;
    this.timeoutNanos = timeout.toNanos();
    this.workerCount = Math.max(1, workers);
    this.writer = writer;
    this.groupSizes = groupSizes;
  }

  /** Queues the job and waits until its group is written; throws {@link NotWritten} if not. */
  public R submit(J job) {
    var pending = new Pending<J, R>(job, new CompletableFuture<>());
    if (!running || !queue.offer(pending)) {
      throw new NotWritten(Reason.BUSY, null);
    }
    try {
      return pending.result().get(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new NotWritten(Reason.FAILED, e.getCause());
    } catch (TimeoutException e) {
      throw new NotWritten(Reason.TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotWritten(Reason.TIMEOUT, e);
    }
  }

  /** Jobs waiting for a worker (for metrics and tests). */
  public int waiting() {
    return queue.size();
  }

  public synchronized void start() {
    running = true;
    for (int i = 0; i < workerCount; i++) {
      workers.add(Thread.ofPlatform().name(name + "-" + i).daemon(true).start(this::drainLoop));
    }
  }

  /** Stops taking jobs; the workers finish what is queued. */
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

  public boolean isRunning() {
    return running;
  }

  private void drainLoop() {
    var group = new ArrayList<Pending<J, R>>(maxGroup);
    while (running || !queue.isEmpty()) {
      try {
        Pending<J, R> first = queue.poll(100, TimeUnit.MILLISECONDS);
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

  private void write(List<Pending<J, R>> group) {
    groupSizes.accept(group.size());
    try {
      List<R> results = writer.write(group.stream().map(Pending::job).toList());
      if (results.size() != group.size()) {
        throw new IllegalStateException(results.size() + " results for " + group.size() + " jobs");
      }
      for (int i = 0; i < group.size(); i++) {
        group.get(i).result().complete(results.get(i));
      }
    } catch (RuntimeException e) {
      log.error(
          "A group of {} {} jobs could not be written; each is refused", group.size(), name, e);
      group.forEach(p -> p.result().completeExceptionally(e));
    }
  }

  private record Pending<J, R>(J job, CompletableFuture<R> result) {}
}
