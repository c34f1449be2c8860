package org.suishen.dependants.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code dependant_binding_failure} table: failed binding attempts per holder. */
@Repository
class BindingFailures {

  private final JdbcClient jdbc;

  BindingFailures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The holder's failed attempts after {@code after}, oldest first. */
  List<Instant> since(UUID holder, Instant after) {
    return jdbc.sql(
            "SELECT failed_at FROM dependant_binding_failure"
                + " WHERE holder_id = ? AND failed_at > ? ORDER BY failed_at")
        .param(holder)
        .param(time(after))
        .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
        .list();
  }

  void record(UUID holder, Instant at, String reason) {
    jdbc.sql(
            "INSERT INTO dependant_binding_failure (holder_id, failed_at, reason) VALUES (?, ?, ?)")
        .param(holder)
        .param(time(at))
        .param(reason)
        .update();
  }

  int deleteBefore(Instant cutoff) {
    return jdbc.sql("DELETE FROM dependant_binding_failure WHERE failed_at <= ?")
        .param(time(cutoff))
        .update();
  }

  private static OffsetDateTime time(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }
}
