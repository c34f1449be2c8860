package org.suishen.shared.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.support.MutableClock;

@HealthCodeIntegrationTest
class CompletedEventPurgeIT {

  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired CompletedEventPurge purge;

  UUID publication(Instant published, Instant completed) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO event_publication (id, listener_id, event_type, serialized_event,"
                + " publication_date, completion_date, status) VALUES (?, 'test.listener',"
                + " 'test.Event', ?, ?, ?, ?)")
        .params(
            id,
            "{\"test\": \"" + id + "\"}",
            Timestamp.from(published),
            completed == null ? null : Timestamp.from(completed),
            completed == null ? "PUBLISHED" : "COMPLETED")
        .update();
    return id;
  }

  boolean kept(UUID id) {
    return jdbc.sql("SELECT count(*) FROM event_publication WHERE id = ?")
            .param(id)
            .query(Long.class)
            .single()
        == 1;
  }

  @Test
  void completedPublicationsGoAfterAWeekAndUndeliveredOnesStay() {
    Instant now = clock.instant();
    UUID old = publication(now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(8)));
    UUID recent = publication(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(2)));
    UUID undelivered = publication(now.minus(Duration.ofDays(30)), null);

    try {
      assertThat(purge.purge()).isGreaterThanOrEqualTo(1);

      assertThat(kept(old)).isFalse();
      assertThat(kept(recent)).isTrue();
      assertThat(kept(undelivered)).isTrue();
    } finally {
      // a made-up publication is never left for another context to resubmit
      jdbc.sql("DELETE FROM event_publication WHERE listener_id = 'test.listener'").update();
    }
  }
}
