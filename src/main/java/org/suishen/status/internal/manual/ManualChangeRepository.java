package org.suishen.status.internal.manual;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suishen.status.Colour;
import org.suishen.status.internal.Sql;

/** The table {@code manual_status_change}. */
@Repository
class ManualChangeRepository {

  private static final String COLUMNS =
      "id, person_id, kind, colour, reason_code, evidence, evidence_file, valid_until, appeal_id,"
          + " state, proposed_by, proposed_at, decided_by, decided_at, decision_note";

  private final JdbcClient jdbc;

  ManualChangeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The partial unique index that keeps one pending change per person (V10_3). */
  static final String ONE_PENDING = "manual_status_change_one_pending_uq";

  /**
   * Inserts; for an appeal already applied, inserts nothing and returns {@code false}. A second
   * pending change for the person fails with a {@link DuplicateKeyException} on {@link
   * #ONE_PENDING} (see {@link #onePendingViolated}).
   */
  boolean insert(ManualChange c) {
    return jdbc.sql(
                "INSERT INTO manual_status_change ("
                    + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (appeal_id) DO NOTHING")
            .param(c.id())
            .param(c.personId())
            .param(c.kind().name())
            .param(c.colour().name())
            .param(c.reasonCode())
            .param(c.evidence())
            .param(c.evidenceFile())
            .param(Sql.time(c.validUntil()))
            .param(c.appealId())
            .param(c.state().name())
            .param(c.proposedBy())
            .param(Sql.time(c.proposedAt()))
            .param(c.decidedBy())
            .param(Sql.time(c.decidedAt()))
            .param(c.decisionNote())
            .update()
        > 0;
  }

  Optional<ManualChange> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM manual_status_change WHERE id = ?")
        .param(id)
        .query(ManualChangeRepository::change)
        .optional();
  }

  Optional<ManualChange> lock(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM manual_status_change WHERE id = ? FOR UPDATE")
        .param(id)
        .query(ManualChangeRepository::change)
        .optional();
  }

  /** Whether the failed insert broke "one pending change per person". */
  static boolean onePendingViolated(DuplicateKeyException e) {
    return e.getMostSpecificCause() instanceof SQLException sql
        && "23505".equals(sql.getSQLState())
        && sql.getMessage() != null
        && sql.getMessage().contains(ONE_PENDING);
  }

  boolean pendingFor(UUID personId) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM manual_status_change WHERE person_id = ?"
                + " AND state = 'PROPOSED')")
        .param(personId)
        .query(Boolean.class)
        .single();
  }

  void decide(UUID id, ManualChange.State state, String by, Instant at, @Nullable String note) {
    jdbc.sql(
            "UPDATE manual_status_change SET state = ?, decided_by = ?, decided_at = ?,"
                + " decision_note = ? WHERE id = ? AND state = 'PROPOSED'")
        .param(state.name())
        .param(by)
        .param(Sql.time(at))
        .param(note)
        .param(id)
        .update();
  }

  List<ManualChange> pending(int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM manual_status_change WHERE state = 'PROPOSED' ORDER BY proposed_at"
                + " LIMIT ?")
        .param(limit)
        .query(ManualChangeRepository::change)
        .list();
  }

  /** A decided change with the colour the person had when it was decided. */
  record Decided(ManualChange change, Colour colourBefore) {}

  /**
   * Decided manual changes (upheld appeals' corrections aside: nobody decided those twice), newest
   * decision first, after the query's cursor: one more than the page holds, so that the caller
   * knows whether another page follows. The index of V24_6 on {@code (decided_at, id)} serves the
   * order and the cursor.
   *
   * <p>The colour before is not kept with the change; the status history has it: an approval that
   * changed the colour wrote an entry caused by {@code manual:<id>} with the colour it replaced;
   * otherwise (a rejection, or an approval that left the colour) it is the colour of the person's
   * last entry recorded up to the decision, and green, every person's colour until the engine
   * changes it, where there is none. Each lookup reads one person's few entries through their
   * index.
   */
  List<Decided> decided(ManualChangeHistoryQuery query) {
    var sql =
        new StringBuilder(
            "SELECT "
                + COLUMNS
                + ", COALESCE((SELECT h.previous_colour FROM health_status_history h"
                + " WHERE h.person_id = c.person_id AND h.cause = 'manual:' || c.id::text"
                + " ORDER BY h.id LIMIT 1),"
                + " (SELECT h.colour FROM health_status_history h"
                + " WHERE h.person_id = c.person_id AND h.recorded_at <= c.decided_at"
                + " ORDER BY h.id DESC LIMIT 1), 'GREEN') AS colour_before"
                + " FROM manual_status_change c"
                + " WHERE kind = 'MANUAL' AND state IN ('APPROVED', 'REJECTED')");
    var params = new java.util.ArrayList<Object>();
    if (query.state() != null) {
      sql.append(" AND state = ?");
      params.add(query.state().name());
    }
    if (query.decidedBy() != null) {
      sql.append(" AND decided_by = ?");
      params.add(query.decidedBy());
    }
    var before = query.before();
    if (before != null) {
      sql.append(" AND (decided_at, id) < (?, ?)");
      params.add(Sql.time(before.at()));
      params.add(before.id());
    }
    sql.append(" ORDER BY decided_at DESC, id DESC LIMIT ?");
    params.add(query.limit() + 1);
    return jdbc.sql(sql.toString())
        .params(params)
        .query((rs, n) -> new Decided(change(rs, n), Colour.valueOf(rs.getString("colour_before"))))
        .list();
  }

  List<ManualChange> forPerson(UUID personId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM manual_status_change WHERE person_id = ? ORDER BY proposed_at DESC")
        .param(personId)
        .query(ManualChangeRepository::change)
        .list();
  }

  static ManualChange change(ResultSet rs, int n) throws SQLException {
    return new ManualChange(
        rs.getObject("id", UUID.class),
        rs.getObject("person_id", UUID.class),
        ManualChange.Kind.valueOf(rs.getString("kind")),
        Colour.valueOf(rs.getString("colour")),
        rs.getString("reason_code"),
        rs.getString("evidence"),
        rs.getString("evidence_file"),
        Sql.instant(rs, "valid_until"),
        rs.getObject("appeal_id", UUID.class),
        ManualChange.State.valueOf(rs.getString("state")),
        rs.getString("proposed_by"),
        Sql.instant(rs, "proposed_at"),
        rs.getString("decided_by"),
        Sql.instant(rs, "decided_at"),
        rs.getString("decision_note"));
  }
}
