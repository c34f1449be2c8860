package org.suishen.audit.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;

/**
 * Writes an entry in the caller's transaction (JdbcClient joins it): a plain INSERT, no lock and no
 * read of the chain, so that writers never wait for each other. The {@link AuditSealer} gives the
 * entry its place in the hash chain once it is committed; an entry of a rolled-back transaction
 * leaves no trace.
 */
@Repository
class JdbcAuditTrail implements AuditTrail {

  private final JdbcClient jdbc;
  private final Clock clock;

  JdbcAuditTrail(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void record(AuditEvent event) {
    jdbc.sql(
            "INSERT INTO audit_event (occurred_at, actor, action, subject, reason, detail)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
        // PostgreSQL keeps microseconds: store exactly what the chain will later hash
        .param(OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS))
        .param(event.actor().toString())
        .param(event.action())
        .param(event.subject())
        .param(event.reason())
        .param(event.detail())
        .update();
  }

  @Override
  public void recordAll(java.util.List<AuditEvent> events) {
    if (events.size() < 2) {
      events.forEach(this::record);
      return;
    }
    int n = events.size();
    String[][] columns = new String[5][n];
    for (int i = 0; i < n; i++) {
      AuditEvent e = events.get(i);
      columns[0][i] = e.actor().toString();
      columns[1][i] = e.action();
      columns[2][i] = e.subject() == null ? null : e.subject().toString();
      columns[3][i] = e.reason();
      columns[4][i] = e.detail();
    }
    // WITH ORDINALITY: the entries take their ids in the order given
    jdbc.sql(
            "INSERT INTO audit_event (occurred_at, actor, action, subject, reason, detail)"
                + " SELECT ?, a, b, c::uuid, d, e FROM unnest(?::text[], ?::text[], ?::text[],"
                + " ?::text[], ?::text[]) WITH ORDINALITY AS v(a, b, c, d, e, n) ORDER BY n")
        .param(OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS))
        .param(columns[0])
        .param(columns[1])
        .param(columns[2])
        .param(columns[3])
        .param(columns[4])
        .update();
  }
}
