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
}
