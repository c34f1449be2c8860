package org.suishen.status.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.support.MutableClock;

/**
 * The status history and the delivered notices past their 180 days deleted and audited; the recent
 * ones, the undelivered notices and the current status kept; the history still append-only for
 * everyone but the retention job.
 */
@HealthCodeIntegrationTest
class StatusRetentionIT {

  @Autowired JdbcClient jdbc;
  @Autowired StatusRetention retention;
  @Autowired MutableClock clock;

  long change(UUID person, Instant recordedAt) {
    return jdbc.sql(
            "INSERT INTO health_status_history (person_id, colour, previous_colour, rule, reason,"
                + " source, redeclare_notice, effective_at, recorded_at, caused_by, cause)"
                + " VALUES (?, 'YELLOW', 'GREEN', 'test', 'test', 'manual', false, ?, ?,"
                + " 'system:test', 'test') RETURNING id")
        .params(person, Timestamp.from(recordedAt), Timestamp.from(recordedAt))
        .query(Long.class)
        .single();
  }

  long notice(UUID person, Instant createdAt, boolean delivered) {
    return jdbc.sql(
            "INSERT INTO status_notice (person_id, kind, message_code, created_at, delivered_at)"
                + " VALUES (?, 'COLOUR_CHANGED', 'status.notice.test', ?, ?) RETURNING id")
        .params(person, Timestamp.from(createdAt), delivered ? Timestamp.from(createdAt) : null)
        .query(Long.class)
        .single();
  }

  long count(String table, long id) {
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }

  @Test
  void whatIsPastItsKeepingTimeGoesAndTheRestStays() {
    UUID person = UUID.randomUUID();
    Instant old = clock.instant().minus(Duration.ofDays(181));
    Instant recent = clock.instant().minus(Duration.ofDays(10));
    long oldChange = change(person, old);
    long recentChange = change(person, recent);
    long oldDelivered = notice(person, old, true);
    long oldUndelivered = notice(person, old, false);
    long recentDelivered = notice(person, recent, true);

    var purged = retention.purge();

    assertThat(purged.history()).isGreaterThanOrEqualTo(1);
    assertThat(purged.notices()).isGreaterThanOrEqualTo(1);
    assertThat(count("health_status_history", oldChange)).isZero();
    assertThat(count("health_status_history", recentChange)).isEqualTo(1);
    assertThat(count("status_notice", oldDelivered)).isZero();
    assertThat(count("status_notice", oldUndelivered)).as("not yet delivered").isEqualTo(1);
    assertThat(count("status_notice", recentDelivered)).isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = ? AND actor ="
                        + " 'system:status-retention' AND reason LIKE '% status changes recorded"
                        + " before %'")
                .param(StatusRetention.PURGED)
                .query(Long.class)
                .single())
        .isPositive();
  }

  @Test
  void theHistoryStaysAppendOnlyForEveryoneElse() {
    long change = change(UUID.randomUUID(), clock.instant().minus(Duration.ofDays(400)));

    assertThatThrownBy(
            () -> jdbc.sql("DELETE FROM health_status_history WHERE id = ?").param(change).update())
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE health_status_history SET reason = 'x' WHERE id = ?")
                    .param(change)
                    .update())
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("append-only");
    assertThat(count("health_status_history", change)).isEqualTo(1);
  }
}
