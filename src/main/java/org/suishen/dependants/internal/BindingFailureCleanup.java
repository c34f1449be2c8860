package org.suishen.dependants.internal;

import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes failed binding attempts that no longer count (older than the window). Idempotent: every
 * node may run it.
 */
@Component
class BindingFailureCleanup {

  private final BindingFailures failures;
  private final DependantsProperties properties;
  private final Clock clock;

  BindingFailureCleanup(BindingFailures failures, DependantsProperties properties, Clock clock) {
    this.failures = failures;
    this.properties = properties;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT11M")
  @SchedulerLock(name = "dependants.bindingFailureCleanup")
  void deleteOldFailures() {
    failures.deleteBefore(clock.instant().minus(properties.bindingAttempts().window()));
  }
}
