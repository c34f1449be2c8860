package org.suishen.shared.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.shared.events.CompletedEventPurge;
import org.suishen.support.MutableClock;

/**
 * Two nodes on one database: while one holds a job's lock the other's run does nothing, and once it
 * is released the other runs. "Another node" is a second lock provider on the same database, as a
 * second application would have.
 */
@HealthCodeIntegrationTest
class JobLocksIT {

  @Autowired DataSource dataSource;
  @Autowired LockProvider locks;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired CompletedEventPurge purge;

  LockProvider anotherNode() {
    return new JobLocks().jobLockProvider(dataSource);
  }

  LockConfiguration job(String name) {
    return new LockConfiguration(Instant.now(), name, Duration.ofMinutes(5), Duration.ZERO);
  }

  @Test
  void aJobsLockIsHeldInTheDatabaseForEveryNode() {
    String name = "test.job-" + UUID.randomUUID().toString().substring(0, 8);
    Optional<SimpleLock> first = locks.lock(job(name));
    assertThat(first).isPresent();
    assertThat(anotherNode().lock(job(name))).isEmpty();
    first.get().unlock();
    Optional<SimpleLock> second = anotherNode().lock(job(name));
    assertThat(second).isPresent();
    second.get().unlock();
  }

  @Test
  void aScheduledRunWhileAnotherNodeHoldsTheLockDoesNothing() throws Exception {
    UUID id = UUID.randomUUID();
    Instant old = clock.instant().minus(Duration.ofDays(30));
    jdbc.sql(
            "INSERT INTO event_publication (id, listener_id, event_type, serialized_event,"
                + " publication_date, completion_date, status) VALUES (?, 'test.listener',"
                + " 'test.Event', '{}', ?, ?, 'COMPLETED')")
        .params(id, Timestamp.from(old), Timestamp.from(old))
        .update();
    Optional<SimpleLock> elsewhere = anotherNode().lock(job("shared.completedEventPurge"));
    assertThat(elsewhere).isPresent();
    try {
      // the scheduler's entry point, through the bean as the scheduler calls it
      var scheduled = CompletedEventPurge.class.getDeclaredMethod("scheduled");
      scheduled.setAccessible(true);
      scheduled.invoke(purge);
      assertThat(kept(id)).isTrue();
    } finally {
      elsewhere.get().unlock();
    }
    var scheduled = CompletedEventPurge.class.getDeclaredMethod("scheduled");
    scheduled.setAccessible(true);
    scheduled.invoke(purge);
    assertThat(kept(id)).isFalse();
  }

  boolean kept(UUID id) {
    return jdbc.sql("SELECT count(*) FROM event_publication WHERE id = ?")
            .param(id)
            .query(Long.class)
            .single()
        == 1;
  }
}
