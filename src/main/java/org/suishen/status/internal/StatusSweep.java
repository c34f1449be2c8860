package org.suishen.status.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Persists time-based changes (a yellow code's days running out, an order that ends at a set time)
 * and catches up on people a crashed feed left due, publishing {@code HealthStatusChanged}.
 */
@Component
class StatusSweep {

  private static final Logger log = LoggerFactory.getLogger(StatusSweep.class);

  private final StatusEngine engine;

  StatusSweep(StatusEngine engine) {
    this.engine = engine;
  }

  @Scheduled(
      fixedDelayString = "${suishen.status.sweep.interval:PT1M}",
      initialDelayString = "${suishen.status.sweep.interval:PT1M}")
  @SchedulerLock(name = "status.statusSweep")
  void sweep() {
    try {
      int changed = engine.sweep(engine.now());
      if (changed > 0) {
        log.info("Status sweep: {} statuses changed", changed);
      }
    } catch (RuntimeException e) {
      log.error("Status sweep failed; the next sweep retries", e);
    }
  }
}
