package org.suishen.audit.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;

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
        .param(OffsetDateTime.now(clock))
        .param(event.actor().toString())
        .param(event.action())
        .param(event.subject())
        .param(event.reason())
        .param(event.detail())
        .update();
  }
}
