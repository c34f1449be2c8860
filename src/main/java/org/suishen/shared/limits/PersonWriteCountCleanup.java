package org.suishen.shared.limits;

import java.time.Clock;
import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Keeps only today's and yesterday's counts: the table stays one row per active person. */
@Component
class PersonWriteCountCleanup {

  private final PersonWriteLimits limits;
  private final Clock clock;

  PersonWriteCountCleanup(PersonWriteLimits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT13M")
  @SchedulerLock(name = "shared.personWriteCountCleanup")
  void deleteOldDays() {
    limits.deleteBefore(LocalDate.now(clock).minusDays(1));
  }
}
