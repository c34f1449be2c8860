package org.suishen.shared.batch;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.springframework.context.SmartLifecycle;

/**
 * A context's {@link GroupCommit} as the bean that owns it: started and stopped with the
 * application, with its two metrics ({@code <prefix>.group.size}: jobs per transaction, {@code
 * <prefix>.waiting}: jobs waiting for the worker). The subclass writes one group and says what its
 * refusals mean.
 *
 * @param <J> what a request asks to write
 * @param <R> what it gets back
 */
public abstract class GroupedWrites<J, R> implements SmartLifecycle {

  private final GroupCommit<J, R> groups;

  /**
   * @param name the workers' thread name
   * @param meterPrefix e.g. {@code suishen.scan}
   * @param what what the jobs are, for the metrics' descriptions ("Scans")
   */
  protected GroupedWrites(
      String name,
      String meterPrefix,
      String what,
      int queueCapacity,
      int maxGroup,
      Duration commitTimeout,
      int workers,
      MeterRegistry meters) {
    var sizes =
        DistributionSummary.builder(meterPrefix + ".group.size")
            .description(what + " written together (one transaction, one commit)")
            .register(meters);
    this.groups =
        new GroupCommit<>(
            name, queueCapacity, maxGroup, commitTimeout, workers, this::write, sizes::record);
    Gauge.builder(meterPrefix + ".waiting", groups, GroupCommit::waiting)
        .description(what + " waiting for a group worker")
        .register(meters);
  }

  /** One worker, sized by a context's {@link Grouping}. */
  protected GroupedWrites(
      String name, String meterPrefix, String what, Grouping grouping, MeterRegistry meters) {
    this(
        name,
        meterPrefix,
        what,
        grouping.queueCapacity(),
        grouping.maxGroup(),
        grouping.commitTimeout(),
        1,
        meters);
  }

  /** Writes one group in its order: one result per job, or throws for the whole group. */
  protected abstract List<R> write(List<J> group);

  /**
   * Queues the job and waits until its group is written.
   *
   * @throws GroupCommit.NotWritten if it was refused, failed or not written in time
   */
  protected final R submitAndWait(J job) {
    return groups.submit(job);
  }

  /** Jobs waiting for a worker (for metrics and tests). */
  public int waiting() {
    return groups.waiting();
  }

  @Override
  public void start() {
    groups.start();
  }

  @Override
  public void stop() {
    groups.stop();
  }

  @Override
  public boolean isRunning() {
    return groups.isRunning();
  }
}
