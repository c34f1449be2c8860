package org.suishen.status.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suishen.status.Colour;
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

  /** A colour change to tell its person of. */
  record ColourChange(UUID personId, Colour to, Instant at) {}

  static final String COLOUR_CHANGE = "status.colour-change";

  /**
   * Notices of colour changes, written with the changes in the engine's batch transaction, in one
   * statement: a feed that turns a hundred thousand people yellow writes a hundred thousand rows,
   * not a hundred thousand events. Channels take them from {@link #deliverPending}.
   */
  void colourChanges(List<ColourChange> changes) {
    if (changes.isEmpty()) {
      return;
    }
    jdbc.sql(
            "INSERT INTO status_notice (person_id, kind, message_code, reference, created_at)"
                + " SELECT p, ?, 'status.notice.colour-change.' || lower(c), 'colour:' || c, t"
                + " FROM unnest(?::uuid[], ?::text[], ?::text[]::timestamptz[]) AS n(p, c, t)")
        .param(COLOUR_CHANGE)
        .param(changes.stream().map(ColourChange::personId).toArray(UUID[]::new))
        .param(changes.stream().map(c -> c.to().name()).toArray(String[]::new))
        .param(changes.stream().map(c -> c.at().toString()).toArray(String[]::new))
        .update();
  }

  static final String RETEST_RECALL = "status.retest-recall";
  static final String RETEST_RECALL_MESSAGE = "status.notice.retest-recall";
  static final String RETEST_RECALL_FAMILY_MESSAGE = "status.notice.retest-recall.family";

  /**
   * Recall notices for the people of a positive pooled tube (a single-tube retest), in one
   * statement; texted like every notice.
   */
  void retestRecalls(List<UUID> personIds, String messageCode, Instant at) {
    if (personIds.isEmpty()) {
      return;
    }
    jdbc.sql(
            "INSERT INTO status_notice (person_id, kind, message_code, reference, created_at)"
                + " SELECT p, ?, ?, NULL, ? FROM unnest(?::uuid[]) AS t(p)")
        .param(RETEST_RECALL)
        .param(messageCode)
        .param(Sql.time(at))
        .param(Sql.uuids(personIds))
        .update();
  }

  /**
   * Hands up to {@code limit} notices no channel took yet, oldest first, to {@code channel} and
   * marks them delivered, in one transaction; rows another node holds are skipped, so several nodes
   * may deliver at once. A channel that throws leaves the batch for the next run.
   *
   * @return how many were delivered
   */
  public int deliverPending(
      int limit, java.util.function.Consumer<PersonNotified> channel, Instant now) {
    var pending =
        jdbc.sql(
                "SELECT id, person_id, kind, message_code, created_at FROM status_notice"
                    + " WHERE delivered_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")
            .param(limit)
            .query(
                (rs, n) ->
                    java.util.Map.entry(
                        rs.getLong("id"),
                        new PersonNotified(
                            rs.getObject("person_id", UUID.class),
                            rs.getString("kind"),
                            rs.getString("message_code"),
                            Sql.instant(rs, "created_at"))))
            .list();
    pending.forEach(entry -> channel.accept(entry.getValue()));
    if (!pending.isEmpty()) {
      jdbc.sql("UPDATE status_notice SET delivered_at = ? WHERE id = ANY (?)")
          .param(Sql.time(now))
          .param(pending.stream().map(java.util.Map.Entry::getKey).toArray(Long[]::new))
          .update();
    }
    return pending.size();
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
