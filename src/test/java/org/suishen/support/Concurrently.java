package org.suishen.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs actions on their own threads, released together by one latch, for tests of rules that must
 * hold while requests race; each outcome is its result or the exception it threw. A wait that runs
 * out fails the test.
 */
public final class Concurrently {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private Concurrently() {}

  /** What one action ended with. */
  public record Outcome<T>(@Nullable T result, @Nullable Throwable failure) {
    public boolean succeeded() {
      return failure == null;
    }
  }

  public static <T> List<Outcome<T>> run(List<Callable<T>> actions) throws InterruptedException {
    var start = new CountDownLatch(1);
    var ready = new CountDownLatch(actions.size());
    try (ExecutorService threads = Executors.newFixedThreadPool(actions.size())) {
      var futures = new ArrayList<Future<T>>();
      for (Callable<T> action : actions) {
        futures.add(
            threads.submit(
                () -> {
                  ready.countDown();
                  if (!start.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new TimeoutException("not released");
                  }
                  return action.call();
                }));
      }
      if (!ready.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError("the threads did not start");
      }
      start.countDown();
      var outcomes = new ArrayList<Outcome<T>>();
      for (Future<T> future : futures) {
        try {
          outcomes.add(new Outcome<>(future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS), null));
        } catch (java.util.concurrent.ExecutionException e) {
          outcomes.add(new Outcome<>(null, e.getCause()));
        } catch (TimeoutException e) {
          throw new AssertionError("an action did not finish within " + TIMEOUT, e);
        }
      }
      return outcomes;
    }
  }

  /**
   * Waits until some database session waits for another transaction to end (e.g. an insert held up
   * by a unique index until the transaction that wrote the same key commits or rolls back); fails
   * after the timeout. Reads {@code pg_locks}, so it needs no statement statistics.
   */
  public static void awaitTransactionWait(JdbcClient jdbc) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      boolean waiting =
          jdbc.sql(
                  "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE NOT granted"
                      + " AND locktype = 'transactionid')")
              .query(Boolean.class)
              .single();
      if (waiting) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no session waited for another transaction within " + TIMEOUT);
  }
}
