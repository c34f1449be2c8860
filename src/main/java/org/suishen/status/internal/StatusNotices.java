package org.suishen.status.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suishen.status.PersonNotified;

/** What people are told about their status: kept for them to read, and published. */
@Repository
public class StatusNotices {

  /** A notice as the person reads it. */
  public record Notice(
      long id, String kind, String messageCode, @Nullable String reference, Instant at) {}

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  StatusNotices(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  public void notify(UUID personId, String kind, String messageCode, String reference, Instant at) {
    jdbc.sql(
            "INSERT INTO status_notice (person_id, kind, message_code, reference, created_at)"
                + " VALUES (?, ?, ?, ?, ?)")
        .param(personId)
        .param(kind)
        .param(messageCode)
        .param(reference)
        .param(Sql.time(at))
        .update();
    events.publishEvent(new PersonNotified(personId, kind, messageCode, at));
  }

  /** The person's notices, newest first. */
  public List<Notice> forPerson(UUID personId, int limit) {
    return jdbc.sql(
            "SELECT id, kind, message_code, reference, created_at FROM status_notice"
                + " WHERE person_id = ? ORDER BY id DESC LIMIT ?")
        .param(personId)
        .param(limit)
        .query(
            (rs, n) ->
                new Notice(
                    rs.getLong("id"),
                    rs.getString("kind"),
                    rs.getString("message_code"),
                    rs.getString("reference"),
                    Sql.instant(rs, "created_at")))
        .list();
  }
}
