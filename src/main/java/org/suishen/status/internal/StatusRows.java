package org.suishen.status.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suishen.status.Colour;
import org.suishen.status.internal.policy.Verdict;

/** Reads and writes {@code health_status} and {@code health_status_history}, in batches. */
@Repository
public class StatusRows {

  private static final String COLUMNS =
      "person_id, colour, rule, reason, source, since, redeclare_notice, due_at, fingerprint";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  StatusRows(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  public Optional<StoredStatus> find(UUID personId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM health_status WHERE person_id = ?")
        .param(personId)
        .query(StatusRows::row)
        .optional();
  }

  /** The rows of these people, locked until the end of the transaction (in person id order). */
  public Map<UUID, StoredStatus> lock(Collection<UUID> personIds) {
    return jdbc
        .sql(
            "SELECT "
                + COLUMNS
                + " FROM health_status WHERE person_id = ANY(?::uuid[]) ORDER BY person_id"
                + " FOR UPDATE")
        .param(Sql.uuids(personIds))
        .query(StatusRows::row)
        .stream()
        .collect(Collectors.toMap(StoredStatus::personId, Function.identity()));
  }

  /** Up to {@code limit} people whose status is due at {@code now}, skipping rows others hold. */
  public List<UUID> claimDue(Instant now, int limit) {
    return jdbc.sql(
            "SELECT person_id FROM health_status WHERE due_at <= ? ORDER BY due_at LIMIT ?"
                + " FOR UPDATE SKIP LOCKED")
        .param(Sql.time(now))
        .param(limit)
        .query((rs, n) -> rs.getObject(1, UUID.class))
        .list();
  }

  /** People with a stored status after {@code after} in id order, for a full re-evaluation. */
  public List<UUID> page(@Nullable UUID after, int limit) {
    return jdbc.sql(
            "SELECT person_id FROM health_status WHERE person_id > COALESCE(?::uuid,"
                + " '00000000-0000-0000-0000-000000000000'::uuid) ORDER BY person_id LIMIT ?")
        .param(after == null ? null : after.toString())
        .param(limit)
        .query((rs, n) -> rs.getObject(1, UUID.class))
        .list();
  }

  /**
   * Marks people due now because a fact about them changed; creates the row (green, as before) for
   * people the engine did not know yet. Locks in person id order.
   */
  public void markDue(Collection<UUID> personIds, Instant now) {
    jdbc.sql(
            "INSERT INTO health_status AS h (person_id, colour, rule, reason, source, since,"
                + " redeclare_notice, due_at, updated_at)"
                + " SELECT id, 'GREEN', 'no-anomaly', 'no-anomaly', 'status-engine',"
                + " 'epoch'::timestamptz, FALSE, ?, ?"
                + " FROM unnest(?::uuid[]) AS t(id) ORDER BY id"
                + " ON CONFLICT (person_id) DO UPDATE SET due_at = LEAST(COALESCE(h.due_at,"
                + " EXCLUDED.due_at), EXCLUDED.due_at)")
        .param(Sql.time(now))
        .param(Sql.time(now))
        .param(Sql.uuids(personIds))
        .update();
  }

  /** The same for the people in a (temporary) table with a {@code person_id} column. */
  public int markDueFrom(String table, Instant now) {
    return jdbc.sql(
            "INSERT INTO health_status AS h (person_id, colour, rule, reason, source, since,"
                + " redeclare_notice, due_at, updated_at)"
                + " SELECT DISTINCT person_id, 'GREEN', 'no-anomaly', 'no-anomaly',"
                + " 'status-engine', 'epoch'::timestamptz, FALSE, ?::timestamptz,"
                + " ?::timestamptz FROM "
                + table
                + " ORDER BY person_id"
                + " ON CONFLICT (person_id) DO UPDATE SET due_at = LEAST(COALESCE(h.due_at,"
                + " EXCLUDED.due_at), EXCLUDED.due_at)")
        .param(Sql.time(now))
        .param(Sql.time(now))
        .update();
  }

  /** A new status for a person, with the history entry of the change. */
  public record Change(StoredStatus before, Verdict verdict, Instant since) {}

  /** A person whose status stays, with its next due time. */
  public record Recheck(UUID personId, @Nullable Instant dueAt) {}

  public void write(
      List<Change> changes, List<Recheck> rechecks, Cause cause, Instant now, String fingerprint) {
    if (!changes.isEmpty()) {
      template.batchUpdate(
          "INSERT INTO health_status AS h (person_id, colour, rule, reason, source, since,"
              + " redeclare_notice, due_at, updated_at, fingerprint)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
              + " ON CONFLICT (person_id) DO UPDATE SET colour = EXCLUDED.colour,"
              + " rule = EXCLUDED.rule, reason = EXCLUDED.reason, source = EXCLUDED.source,"
              + " since = EXCLUDED.since, redeclare_notice = EXCLUDED.redeclare_notice,"
              + " due_at = EXCLUDED.due_at, updated_at = EXCLUDED.updated_at,"
              + " fingerprint = EXCLUDED.fingerprint",
          setter(
              changes,
              (ps, c) -> {
                Verdict v = c.verdict();
                ps.setObject(1, c.before().personId());
                ps.setString(2, v.colour().name());
                ps.setString(3, v.rule());
                ps.setString(4, v.reason());
                ps.setString(5, v.source());
                ps.setObject(6, Sql.time(c.since()), Types.TIMESTAMP_WITH_TIMEZONE);
                ps.setBoolean(7, v.redeclareNotice());
                ps.setObject(8, Sql.time(v.validUntil()), Types.TIMESTAMP_WITH_TIMEZONE);
                ps.setObject(9, Sql.time(now), Types.TIMESTAMP_WITH_TIMEZONE);
                ps.setString(10, fingerprint);
              }));
      template.batchUpdate(
          "INSERT INTO health_status_history (person_id, colour, previous_colour, rule, reason,"
              + " source, redeclare_notice, effective_at, recorded_at, caused_by, cause)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          setter(
              changes,
              (ps, c) -> {
                Verdict v = c.verdict();
                ps.setObject(1, c.before().personId());
                ps.setString(2, v.colour().name());
                ps.setString(3, c.before().colour().name());
                ps.setString(4, v.rule());
                ps.setString(5, v.reason());
                ps.setString(6, v.source());
                ps.setBoolean(7, v.redeclareNotice());
                ps.setObject(8, Sql.time(c.since()), Types.TIMESTAMP_WITH_TIMEZONE);
                ps.setObject(9, Sql.time(now), Types.TIMESTAMP_WITH_TIMEZONE);
                ps.setString(10, cause.actor().toString());
                ps.setString(11, cause.reference());
              }));
    }
    if (!rechecks.isEmpty()) {
      template.batchUpdate(
          "INSERT INTO health_status AS h (person_id, colour, rule, reason, source, since,"
              + " redeclare_notice, due_at, updated_at, fingerprint)"
              + " VALUES (?, 'GREEN', 'no-anomaly', 'no-anomaly', 'status-engine',"
              + " 'epoch'::timestamptz, FALSE, ?, ?, ?)"
              + " ON CONFLICT (person_id) DO UPDATE SET due_at = EXCLUDED.due_at,"
              + " fingerprint = EXCLUDED.fingerprint",
          setter(
              rechecks,
              (ps, r) -> {
                ps.setObject(1, r.personId());
                ps.setObject(2, Sql.time(r.dueAt()), Types.TIMESTAMP_WITH_TIMEZONE);
                ps.setObject(3, Sql.time(now), Types.TIMESTAMP_WITH_TIMEZONE);
                ps.setString(4, fingerprint);
              }));
    }
  }

  /** The person's history, newest first, before the entry {@code beforeId} if given. */
  public List<HistoryEntry> history(UUID personId, @Nullable Long beforeId, int limit) {
    return jdbc.sql(
            "SELECT id, colour, previous_colour, rule, reason, source, redeclare_notice,"
                + " effective_at, recorded_at, caused_by, cause FROM health_status_history"
                + " WHERE person_id = ? AND id < ? ORDER BY id DESC LIMIT ?")
        .param(personId)
        .param(beforeId == null ? Long.MAX_VALUE : beforeId)
        .param(limit)
        .query(
            (rs, n) ->
                new HistoryEntry(
                    rs.getLong("id"),
                    Colour.valueOf(rs.getString("colour")),
                    Colour.valueOf(rs.getString("previous_colour")),
                    rs.getString("rule"),
                    rs.getString("reason"),
                    rs.getString("source"),
                    rs.getBoolean("redeclare_notice"),
                    Sql.instant(rs, "effective_at"),
                    Sql.instant(rs, "recorded_at"),
                    rs.getString("caused_by"),
                    rs.getString("cause")))
        .list();
  }

  interface RowSetter<T> {
    void set(PreparedStatement ps, T item) throws SQLException;
  }

  private static <T> BatchPreparedStatementSetter setter(List<T> items, RowSetter<T> rowSetter) {
    return new BatchPreparedStatementSetter() {
      @Override
      public void setValues(PreparedStatement ps, int i) throws SQLException {
        rowSetter.set(ps, items.get(i));
      }

      @Override
      public int getBatchSize() {
        return items.size();
      }
    };
  }

  static StoredStatus row(ResultSet rs, int n) throws SQLException {
    return new StoredStatus(
        rs.getObject("person_id", UUID.class),
        Colour.valueOf(rs.getString("colour")),
        rs.getString("rule"),
        rs.getString("reason"),
        rs.getString("source"),
        Sql.instant(rs, "since"),
        rs.getBoolean("redeclare_notice"),
        Sql.instant(rs, "due_at"),
        rs.getString("fingerprint"));
  }
}
