package org.suishen.shared.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.suishen.shared.jobs.ChunkedDelete;

/**
 * Spring Modulith keeps every completed event publication (its serialized event names people) so
 * the table only grows: a city's day adds millions. Completed publications are kept for {@code
 * suishen.events.completed-kept-for} (7 days: enough to see what a listener did last week), then
 * deleted in chunks so that no statement holds the table long; incomplete ones stay until they are
 * delivered, however old.
 */
@Component
public class CompletedEventPurge {

  private static final Logger log = LoggerFactory.getLogger(CompletedEventPurge.class);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration keptFor;

  CompletedEventPurge(
      JdbcClient jdbc,
      Clock clock,
      @Value("${suishen.events.completed-kept-for:7d}") Duration keptFor) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.keptFor = keptFor;
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT17M")
  @SchedulerLock(name = "shared.completedEventPurge")
  void scheduled() {
    purge();
  }

  /** Deletes the completed publications past their keeping time; how many. */
  public long purge() {
    Timestamp before = Timestamp.from(clock.instant().minus(keptFor));
    long deleted =
        ChunkedDelete.run(
            jdbc,
            "DELETE FROM event_publication WHERE id IN (SELECT id FROM event_publication"
                + " WHERE completion_date < ? LIMIT ?)",
            before);
    if (deleted > 0) {
      log.info("Deleted {} event publications completed before {}", deleted, before.toInstant());
    }
    return deleted;
  }
}
