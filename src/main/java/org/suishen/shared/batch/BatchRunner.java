package org.suishen.shared.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The loop of the daily jobs that work through due rows (evidence retention, coming of age): batch
 * after batch, each in its own transaction, until a batch finds fewer candidates than a whole batch
 * or changes none of them (rather than claim the same rows again). A batch claims its rows {@code
 * FOR UPDATE SKIP LOCKED}, so several nodes may run the same job at once and a second run finds
 * nothing. What a finished batch did is committed, so a failure loses at most the current batch;
 * the next run goes on. Only counts are logged, never personal data.
 */
public final class BatchRunner {

  private static final Logger log = LoggerFactory.getLogger(BatchRunner.class);

  private BatchRunner() {}

  /** What one batch did: how many rows it claimed, and how many of them it changed. */
  public interface Batch {
    int claimed();

    int changed();
  }

  /**
   * Runs {@code batch} in a transaction of its own again and again (see the class comment).
   *
   * @param job the job's name in the log
   * @return each batch's result, in order (none if the first transaction returned nothing)
   */
  public static <B extends Batch> List<B> run(
      String job, TransactionOperations transactions, int batchSize, Supplier<B> batch) {
    var done = new ArrayList<B>();
    int changed = 0;
    while (true) {
      B result = transactions.execute(status -> batch.get());
      if (result == null) {
        break;
      }
      done.add(result);
      changed += result.changed();
      if (result.claimed() < batchSize || result.changed() == 0) {
        break;
      }
      log.info("{}: batch {} done, {} rows changed so far", job, done.size(), changed);
    }
    return done;
  }

  /**
   * The scheduled run of a job: nothing if it is switched off; a failure is logged, not thrown (the
   * finished batches stay committed; the next run goes on).
   */
  public static void scheduled(String job, boolean enabled, Runnable run) {
    if (!enabled) {
      return;
    }
    try {
      run.run();
    } catch (RuntimeException e) {
      log.error("{} run failed; the next run continues", job, e);
    }
  }
}
