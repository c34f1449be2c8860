package org.suishen.status.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suishen.status.Colour;
import org.suishen.status.internal.cache.StatusRowCache;
import org.suishen.status.internal.policy.Verdict;

/** Reads and writes {@code health_status} and {@code health_status_history}, in batches. */
@Repository
public class StatusRows {

  private static final String COLUMNS =
      "person_id, colour, rule, reason, source, since, redeclare_notice, due_at, due_cause,"
          + " due_by, fingerprint";

  private final JdbcClient jdbc;
  private final StatusRowCache cache;

  StatusRows(JdbcClient jdbc, StatusRowCache cache) {
    this.jdbc = jdbc;
    this.cache = cache;
  }

  /** The person's row: from this node's cache outside a transaction (the code display). */
  public Optional<StoredStatus> find(UUID personId) {
    return cache.find(personId, this::read);
  }

  private Optional<StoredStatus> read(UUID personId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM health_status WHERE person_id = ?")
        .param(personId)
        .query(StatusRows::row)
        .optional();
  }

  /** The rows of these people that exist, in one read. */
  public Map<UUID, StoredStatus> findAll(Collection<UUID> personIds) {
    return jdbc
        .sql("SELECT " + COLUMNS + " FROM health_status WHERE person_id = ANY(?::uuid[])")
        .param(Sql.uuids(personIds))
        .query(StatusRows::row)
        .stream()
        .collect(Collectors.toMap(StoredStatus::personId, Function.identity()));
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

  /**
   * Up to {@code limit} people whose status is due at {@code now}, skipping rows others hold. Rows
   * marked due by a fact change are left to the change's own evaluation (a feed evaluates its
   * people itself) until {@code leftBefore}: after that they were left by an interrupted run.
   */
  public List<UUID> claimDue(Instant now, Instant leftBefore, int limit) {
    return jdbc.sql(
            "SELECT person_id FROM health_status WHERE due_at <= ?"
                + " AND (due_cause IS NULL OR due_at <= ?) ORDER BY due_at LIMIT ?"
                + " FOR UPDATE SKIP LOCKED")
        .param(Sql.time(now))
        .param(Sql.time(leftBefore))
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
  public void markDue(Collection<UUID> personIds, Instant now, Cause cause) {
    cache.changed(personIds);
    jdbc.sql(
            "INSERT INTO health_status AS h (person_id, colour, rule, reason, source, since,"
                + " redeclare_notice, due_at, due_cause, due_by, updated_at)"
                + " SELECT id, 'GREEN', 'no-anomaly', 'no-anomaly', 'status-engine',"
                + " 'epoch'::timestamptz, FALSE, ?, ?, ?, ?"
                + " FROM unnest(?::uuid[]) AS t(id) ORDER BY id"
                + MARK_DUE_CONFLICT)
        .param(Sql.time(now))
        .param(cause.reference())
        .param(cause.actor().toString())
        .param(Sql.time(now))
        .param(Sql.uuids(personIds))
        .update();
  }

  private static final String MARK_DUE_CONFLICT =
      " ON CONFLICT (person_id) DO UPDATE SET due_at = LEAST(COALESCE(h.due_at,"
          + " EXCLUDED.due_at), EXCLUDED.due_at), due_cause = EXCLUDED.due_cause,"
          + " due_by = EXCLUDED.due_by";

  /** The same for the people in a (temporary) table with a {@code person_id} column. */
  public int markDueFrom(String table, Instant now, Cause cause) {
    cache.changedAll();
    return jdbc.sql(
            "INSERT INTO health_status AS h (person_id, colour, rule, reason, source, since,"
                + " redeclare_notice, due_at, due_cause, due_by, updated_at)"
                + " SELECT DISTINCT person_id, 'GREEN', 'no-anomaly', 'no-anomaly',"
                + " 'status-engine', 'epoch'::timestamptz, FALSE, ?::timestamptz, ?::text,"
                + " ?::text, ?::timestamptz FROM "
                + table
                + " ORDER BY person_id"
                + MARK_DUE_CONFLICT)
        .param(Sql.time(now))
        .param(cause.reference())
        .param(cause.actor().toString())
        .param(Sql.time(now))
        .update();
  }

  /** A new status for a person, with the history entry of the change and its cause. */
  public record Change(StoredStatus before, Verdict verdict, Instant since, Cause cause) {}

  /** A person whose status stays, with its next due time. */
  public record Recheck(UUID personId, @Nullable Instant dueAt) {}

  /**
   * Writes a batch in two statements: the changed statuses with their history entries (one
   * statement over arrays), and the due times of the statuses that stay.
   */
  public void write(List<Change> changes, List<Recheck> rechecks, Instant now, String fingerprint) {
    cache.changed(
        java.util.stream.Stream.concat(
                changes.stream().map(c -> c.before().personId()),
                rechecks.stream().map(Recheck::personId))
            .toList());
    if (!changes.isEmpty()) {
      int n = changes.size();
      String[] ids = new String[n];
      String[] colours = new String[n];
      String[] previous = new String[n];
      String[] ruleNames = new String[n];
      String[] reasons = new String[n];
      String[] sources = new String[n];
      String[] since = new String[n];
      String[] notices = new String[n];
      String[] due = new String[n];
      String[] causedBy = new String[n];
      String[] causes = new String[n];
      for (int i = 0; i < n; i++) {
        Change c = changes.get(i);
        causedBy[i] = c.cause().actor().toString();
        causes[i] = c.cause().reference();
        Verdict v = c.verdict();
        ids[i] = c.before().personId().toString();
        colours[i] = v.colour().name();
        previous[i] = c.before().colour().name();
        ruleNames[i] = v.rule();
        reasons[i] = v.reason();
        sources[i] = v.source();
        since[i] = c.since().toString();
        notices[i] = Boolean.toString(v.redeclareNotice());
        due[i] = v.validUntil() == null ? null : v.validUntil().toString();
      }
      jdbc.sql(
              "WITH c AS (SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[],"
                  + " ?::text[], ?::text[], ?::timestamptz[], ?::boolean[], ?::timestamptz[],"
                  + " ?::text[], ?::text[])"
                  + " AS c(person_id, colour, previous_colour, rule, reason, source, since,"
                  + " redeclare_notice, due_at, caused_by, cause)),"
                  + " s AS (INSERT INTO health_status AS h (person_id, colour, rule, reason,"
                  + " source, since, redeclare_notice, due_at, updated_at, fingerprint)"
                  + " SELECT person_id, colour, rule, reason, source, since, redeclare_notice,"
                  + " due_at, ?, ? FROM c ORDER BY person_id"
                  + " ON CONFLICT (person_id) DO UPDATE SET colour = EXCLUDED.colour,"
                  + " rule = EXCLUDED.rule, reason = EXCLUDED.reason, source = EXCLUDED.source,"
                  + " since = EXCLUDED.since, redeclare_notice = EXCLUDED.redeclare_notice,"
                  + " due_at = EXCLUDED.due_at, due_cause = NULL, due_by = NULL,"
                  + " updated_at = EXCLUDED.updated_at, fingerprint = EXCLUDED.fingerprint)"
                  + " INSERT INTO health_status_history (person_id, colour, previous_colour, rule,"
                  + " reason, source, redeclare_notice, effective_at, recorded_at, caused_by,"
                  + " cause) SELECT person_id, colour, previous_colour, rule, reason, source,"
                  + " redeclare_notice, since, ?, caused_by, cause FROM c")
          .param(ids)
          .param(colours)
          .param(previous)
          .param(ruleNames)
          .param(reasons)
          .param(sources)
          .param(since)
          .param(notices)
          .param(due)
          .param(causedBy)
          .param(causes)
          .param(Sql.time(now))
          .param(fingerprint)
          .param(Sql.time(now))
          .update();
    }
    if (!rechecks.isEmpty()) {
      int n = rechecks.size();
      String[] ids = new String[n];
      String[] due = new String[n];
      for (int i = 0; i < n; i++) {
        ids[i] = rechecks.get(i).personId().toString();
        Instant dueAt = rechecks.get(i).dueAt();
        due[i] = dueAt == null ? null : dueAt.toString();
      }
      jdbc.sql(
              "INSERT INTO health_status AS h (person_id, colour, rule, reason, source, since,"
                  + " redeclare_notice, due_at, updated_at, fingerprint)"
                  + " SELECT person_id, 'GREEN', 'no-anomaly', 'no-anomaly', 'status-engine',"
                  + " 'epoch'::timestamptz, FALSE, due_at, ?, ?"
                  + " FROM unnest(?::uuid[], ?::timestamptz[]) AS r(person_id, due_at)"
                  + " ORDER BY person_id"
                  + " ON CONFLICT (person_id) DO UPDATE SET due_at = EXCLUDED.due_at,"
                  + " due_cause = NULL, due_by = NULL, fingerprint = EXCLUDED.fingerprint")
          .param(Sql.time(now))
          .param(fingerprint)
          .param(ids)
          .param(due)
          .update();
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

  /**
   * The column is NOT NULL: a row created for a person the engine knew nothing about (green, no
   * known start) holds the epoch as a placeholder, which reads as no start.
   */
  static @Nullable Instant knownStart(@Nullable Instant since) {
    return since == null || since.equals(Instant.EPOCH) ? null : since;
  }

  static StoredStatus row(ResultSet rs, int n) throws SQLException {
    return new StoredStatus(
        rs.getObject("person_id", UUID.class),
        Colour.valueOf(rs.getString("colour")),
        rs.getString("rule"),
        rs.getString("reason"),
        rs.getString("source"),
        knownStart(Sql.instant(rs, "since")),
        rs.getBoolean("redeclare_notice"),
        Sql.instant(rs, "due_at"),
        rs.getString("due_cause"),
        rs.getString("due_by"),
        rs.getString("fingerprint"));
  }
}
