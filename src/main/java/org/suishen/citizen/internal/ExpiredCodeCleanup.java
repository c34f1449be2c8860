package org.suishen.citizen.internal;

import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes one-time codes (and old failed registration attempts) once no limit looks at them any
 * more (older than the daily window plus a margin), so that the table stays small. Idempotent:
 * every node may run it.
 */
@Component
class ExpiredCodeCleanup {

  private static final Logger log = LoggerFactory.getLogger(ExpiredCodeCleanup.class);
  private final CodeStore store;
  private final Clock clock;
  private final CitizenProperties properties;
  private final RegistrationFailures failures;

  ExpiredCodeCleanup(
      CodeStore store, RegistrationFailures failures, Clock clock, CitizenProperties properties) {
    this.store = store;
    this.failures = failures;
    this.clock = clock;
    this.properties = properties;
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
  @SchedulerLock(name = "citizen.expiredCodeCleanup")
  void deleteOldCodes() {
    Duration keep = CodeSendingLimits.DAY.plus(properties.otp().ipWindow()).plusHours(1);
    int deleted = store.deleteCreatedBefore(clock.instant().minus(keep));
    failures.deleteBefore(clock.instant().minus(properties.identity().failureWindow()));
    if (deleted > 0) {
      log.info("Deleted {} old one-time codes", deleted);
    }
  }
}
