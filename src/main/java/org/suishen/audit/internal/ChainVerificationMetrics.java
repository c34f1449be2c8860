package org.suishen.audit.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * What the scheduled verification tells the monitoring (Micrometer; Prometheus at {@code
 * /actuator/prometheus}). The gauges show the state stored in the database as this node last read
 * it (every run, on every node, also when another node did the work).
 */
@Component
class ChainVerificationMetrics {

  private final AtomicLong verifiedSeq = new AtomicLong();
  private final AtomicLong anchoredSeq = new AtomicLong();
  private final AtomicLong broken = new AtomicLong();
  private final AtomicLong lastRun = new AtomicLong();
  private final Counter breaks;
  private final Counter verifiedEntries;
  private final Counter anchorFailures;

  ChainVerificationMetrics(MeterRegistry meters) {
    Gauge.builder("suishen.audit.chain.verified.sequence", verifiedSeq, AtomicLong::get)
        .description("Chain position up to which the audit trail is verified")
        .register(meters);
    Gauge.builder("suishen.audit.chain.anchored.sequence", anchoredSeq, AtomicLong::get)
        .description("Chain position of the newest head published outside the database")
        .register(meters);
    Gauge.builder("suishen.audit.chain.broken", broken, AtomicLong::get)
        .description("1 while the newest verification found the audit chain broken, else 0")
        .register(meters);
    // the verified position legitimately stands still while nothing is audited; a stalled job
    // shows here: alert on time() - max over the nodes > a few intervals
    Gauge.builder("suishen.audit.chain.last.verification", lastRun, AtomicLong::get)
        .description("When this node last completed a verification run (epoch seconds; 0: not yet)")
        .baseUnit("seconds")
        .register(meters);
    breaks =
        Counter.builder("suishen.audit.chain.breaks")
            .description("Breaks of the audit chain found (a new place or kind of break)")
            .register(meters);
    verifiedEntries =
        Counter.builder("suishen.audit.chain.verified.entries")
            .description("Audit entries verified by the scheduled verification on this node")
            .register(meters);
    anchorFailures =
        Counter.builder("suishen.audit.anchor.failures")
            .description("Failed attempts to publish the chain head outside the database")
            .register(meters);
  }

  void refresh(ChainCheckpoints checkpoints) {
    broken.set(checkpoints.latest().map(c -> c.broken() ? 1L : 0L).orElse(0L));
    verifiedSeq.set(checkpoints.latestVerified().map(ChainCheckpoint::seq).orElse(0L));
    anchoredSeq.set(checkpoints.latestAnchored().map(ChainCheckpoint::seq).orElse(0L));
  }

  void completedRun(java.time.Instant at) {
    lastRun.set(at.getEpochSecond());
  }

  void verified(long entries) {
    verifiedEntries.increment(entries);
  }

  void breakFound() {
    breaks.increment();
  }

  void anchorFailed() {
    anchorFailures.increment();
  }
}
