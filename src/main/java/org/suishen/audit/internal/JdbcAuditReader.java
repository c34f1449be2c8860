package org.suishen.audit.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suishen.audit.AuditReader;
import org.suishen.audit.AuditRecord;

/**
 * The trail read by subject: the {@code audit_event_subject_idx} finds one person's entries (a few
 * hundred in a lifetime), so the time window and the actor filter are applied to those rows only.
 */
@Repository
class JdbcAuditReader implements AuditReader {

  private final JdbcClient jdbc;

  JdbcAuditReader(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<AuditRecord> about(
      Collection<UUID> subjects, Set<String> actorKinds, Instant from, Instant to, int limit) {
    if (subjects.isEmpty() || actorKinds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT id, occurred_at, actor, action, subject, reason FROM audit_event"
                + " WHERE subject IN (:subjects) AND split_part(actor, ':', 1) IN (:kinds)"
                + " AND occurred_at >= :from AND occurred_at < :to"
                + " ORDER BY occurred_at DESC, id DESC LIMIT :limit")
        .param("subjects", List.copyOf(subjects))
        .param("kinds", List.copyOf(actorKinds))
        .param("from", from.atOffset(ZoneOffset.UTC))
        .param("to", to.atOffset(ZoneOffset.UTC))
        .param("limit", limit)
        .query(
            (rs, n) ->
                new AuditRecord(
                    rs.getLong("id"),
                    rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                    rs.getString("actor"),
                    rs.getString("action"),
                    rs.getObject("subject", UUID.class),
                    rs.getString("reason")))
        .list();
  }
}
