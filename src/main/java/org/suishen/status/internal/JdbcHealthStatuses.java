package org.suishen.status.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suishen.status.Colour;
import org.suishen.status.HealthStatus;
import org.suishen.status.HealthStatuses;

@Repository
class JdbcHealthStatuses implements HealthStatuses {

  private final JdbcClient jdbc;

  JdbcHealthStatuses(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public HealthStatus current(UUID personId) {
    return jdbc.sql(
            "SELECT colour, rule, reason, source, since, redeclare_notice FROM health_status"
                + " WHERE person_id = ?")
        .param(personId)
        .query(
            (rs, n) ->
                new HealthStatus(
                    personId,
                    Colour.valueOf(rs.getString("colour")),
                    rs.getString("rule"),
                    rs.getString("reason"),
                    rs.getString("source"),
                    rs.getObject("since", OffsetDateTime.class).toInstant(),
                    rs.getBoolean("redeclare_notice")))
        .optional()
        .orElseGet(
            () ->
                new HealthStatus(
                    personId,
                    Colour.GREEN,
                    "no-anomaly",
                    "no-anomaly",
                    "default",
                    Instant.EPOCH,
                    false));
  }
}
