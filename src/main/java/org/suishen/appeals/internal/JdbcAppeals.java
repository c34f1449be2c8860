package org.suishen.appeals.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suishen.appeals.AppealKind;
import org.suishen.status.Colour;

/** Appeals, their evidence files and consultation notes in PostgreSQL. */
@Repository
class JdbcAppeals {

  private static final String COLUMNS =
      "id, person_id, appellant_account, kind, state, text, believed_colour, correct_name, colour_at_filing,"
          + " submitted_at, reviewer, claimed_at, outcome, corrected_colour, corrected_name, answer,"
          + " decided_by, decided_at";
  private static final String FILE_COLUMNS =
      "id, appeal_id, position, file_name, content_type, size_bytes, sha256, purged_at";
  private static final String OPEN = "state IN ('SUBMITTED', 'IN_REVIEW')";

  private final JdbcClient jdbc;

  JdbcAppeals(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Inserts the appeal and its evidence; a second open appeal of the kind violates a unique index.
   */
  void insert(Appeal appeal, String submittedBy, List<Evidence> evidence) {
    jdbc.sql(
            "INSERT INTO appeal (id, person_id, appellant_account, kind, state, text,"
                + " believed_colour, correct_name, colour_at_filing, submitted_by, submitted_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .param(appeal.id())
        .param(appeal.personId())
        .param(appeal.appellantAccount())
        .param(appeal.kind().name())
        .param(appeal.state().name())
        .param(appeal.text())
        .param(name(appeal.believedColour()))
        .param(appeal.correctedName())
        .param(appeal.colourAtFiling().name())
        .param(submittedBy)
        .param(time(appeal.submittedAt()))
        .update();
    for (int i = 0; i < evidence.size(); i++) {
      var file = evidence.get(i);
      jdbc.sql(
              "INSERT INTO appeal_evidence (id, appeal_id, position, file_name, content_type,"
                  + " size_bytes, sha256, content, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .param(UUID.randomUUID())
          .param(appeal.id())
          .param(i + 1)
          .param(file.fileName())
          .param(file.type().contentType())
          .param(file.content().length)
          .param(sha256(file.content()))
          .param(file.content())
          .param(time(appeal.submittedAt()))
          .update();
    }
  }

  boolean openExists(UUID personId, AppealKind kind) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM appeal WHERE person_id = ? AND kind = ? AND "
                + OPEN
                + ")")
        .param(personId)
        .param(kind.name())
        .query(Boolean.class)
        .single();
  }

  /** Whether the account has an open identity appeal. */
  boolean openIdentityAppealExists(UUID appellantAccount) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM appeal WHERE appellant_account = ?"
                + " AND kind = 'IDENTITY_TAKEN' AND "
                + OPEN
                + ")")
        .param(appellantAccount)
        .query(Boolean.class)
        .single();
  }

  Optional<Appeal> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM appeal WHERE id = ?")
        .param(id)
        .query(JdbcAppeals::appeal)
        .optional();
  }

  /** The appeal, locked until the transaction ends, so that two reviewers cannot both change it. */
  Optional<Appeal> lock(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM appeal WHERE id = ? FOR UPDATE")
        .param(id)
        .query(JdbcAppeals::appeal)
        .optional();
  }

  void update(Appeal appeal) {
    var decision = appeal.decision();
    jdbc.sql(
            "UPDATE appeal SET state = ?, reviewer = ?, claimed_at = ?, outcome = ?,"
                + " corrected_colour = ?, corrected_name = ?, answer = ?, decided_by = ?,"
                + " decided_at = ? WHERE id = ?")
        .param(appeal.state().name())
        .param(appeal.reviewer())
        .param(appeal.claimedAt() == null ? null : time(appeal.claimedAt()))
        .param(decision == null ? null : decision.outcome().name())
        .param(decision == null ? null : name(decision.correctedColour()))
        .param(decision == null ? null : decision.correctedName())
        .param(decision == null ? null : decision.reason())
        .param(decision == null ? null : decision.decidedBy())
        .param(decision == null ? null : time(decision.decidedAt()))
        .param(appeal.id())
        .update();
  }

  /**
   * A citizen's appeals, newest first: the person's colour and name appeals and the identity
   * appeals the account filed (never someone else's identity appeal on the person).
   */
  List<Appeal> ofCitizen(UUID accountId, @Nullable UUID personId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM appeal WHERE (person_id = ? AND kind <> 'IDENTITY_TAKEN')"
                + " OR appellant_account = ? ORDER BY submitted_at DESC")
        .param(personId)
        .param(accountId)
        .query(JdbcAppeals::appeal)
        .list();
  }

  /** Open appeals, oldest first. */
  List<QueueEntry> queue(int limit) {
    return jdbc.sql(
            "SELECT a.id, a.kind, a.state, a.submitted_at, a.reviewer,"
                + " (SELECT count(*) FROM appeal_evidence e WHERE e.appeal_id = a.id) AS files"
                + " FROM appeal a WHERE "
                + OPEN.replace("state", "a.state")
                + " ORDER BY a.submitted_at, a.id LIMIT ?")
        .param(limit)
        .query(
            (rs, n) ->
                new QueueEntry(
                    rs.getObject("id", UUID.class),
                    AppealKind.valueOf(rs.getString("kind")),
                    AppealState.valueOf(rs.getString("state")),
                    instant(rs, "submitted_at"),
                    rs.getString("reviewer"),
                    rs.getInt("files")))
        .list();
  }

  /** A decided appeal as the history lists it, before the person is looked up. */
  record Decided(
      UUID id,
      UUID personId,
      AppealKind kind,
      Outcome outcome,
      String decidedBy,
      Instant decidedAt) {}

  /**
   * Decided appeals, newest decision first, after the query's cursor: one more than the page holds,
   * so that the caller knows whether another page follows. The index of V24_6 on {@code
   * (decided_at, id)} of decided appeals serves the order and the cursor; the filters are checked
   * on the rows it yields.
   */
  List<Decided> decided(HistoryQuery query) {
    var sql =
        new StringBuilder(
            "SELECT id, person_id, kind, outcome, decided_by, decided_at FROM appeal"
                + " WHERE state IN ('UPHELD', 'REJECTED')");
    var params = new java.util.ArrayList<Object>();
    if (query.outcome() != null) {
      sql.append(" AND outcome = ?");
      params.add(query.outcome().name());
    }
    if (query.decidedBy() != null) {
      sql.append(" AND decided_by = ?");
      params.add(query.decidedBy());
    }
    var before = query.before();
    if (before != null) {
      sql.append(" AND (decided_at, id) < (?, ?)");
      params.add(time(before.at()));
      params.add(before.id());
    }
    sql.append(" ORDER BY decided_at DESC, id DESC LIMIT ?");
    params.add(query.limit() + 1);
    return jdbc.sql(sql.toString())
        .params(params)
        .query(
            (rs, n) ->
                new Decided(
                    rs.getObject("id", UUID.class),
                    rs.getObject("person_id", UUID.class),
                    AppealKind.valueOf(rs.getString("kind")),
                    Outcome.valueOf(rs.getString("outcome")),
                    rs.getString("decided_by"),
                    instant(rs, "decided_at")))
        .list();
  }

  long openCount() {
    return jdbc.sql("SELECT count(*) FROM appeal WHERE " + OPEN).query(Long.class).single();
  }

  List<EvidenceFile> evidence(UUID appealId) {
    return jdbc.sql(
            "SELECT "
                + FILE_COLUMNS
                + " FROM appeal_evidence WHERE appeal_id = ? ORDER BY position")
        .param(appealId)
        .query(JdbcAppeals::file)
        .list();
  }

  /** The evidence files of several appeals, by appeal. */
  Map<UUID, List<EvidenceFile>> evidence(Collection<UUID> appealIds) {
    if (appealIds.isEmpty()) {
      return Map.of();
    }
    var byAppeal = new LinkedHashMap<UUID, List<EvidenceFile>>();
    jdbc.sql(
            "SELECT "
                + FILE_COLUMNS
                + " FROM appeal_evidence WHERE appeal_id = ANY (?) ORDER BY appeal_id, position")
        .param(appealIds.toArray(UUID[]::new))
        .query(JdbcAppeals::file)
        .list()
        .forEach(
            f -> byAppeal.computeIfAbsent(f.appealId(), k -> new java.util.ArrayList<>()).add(f));
    return byAppeal;
  }

  Optional<EvidenceContent> evidenceContent(UUID appealId, UUID fileId) {
    return jdbc.sql(
            "SELECT "
                + FILE_COLUMNS
                + ", content FROM appeal_evidence WHERE appeal_id = ? AND id = ?")
        .param(appealId)
        .param(fileId)
        .query(
            (rs, n) -> {
              byte[] content = rs.getBytes("content");
              return new EvidenceContent(file(rs, n), content == null ? new byte[0] : content);
            })
        .optional();
  }

  /** An appeal whose evidence the retention job may delete. */
  record Purgeable(UUID appealId, UUID personId, AppealState state, @Nullable Instant decidedAt) {}

  /**
   * Up to {@code limit} decided appeals, answered on or before {@code decidedBy}, that still hold
   * evidence files; locked until the end of the transaction, rows another node holds skipped, so
   * several nodes may run the purge at once.
   */
  List<Purgeable> claimPurgeable(Instant decidedBy, int limit) {
    return jdbc.sql(
            "SELECT a.id, a.person_id, a.state, a.decided_at FROM appeal a"
                + " WHERE a.id IN (SELECT e.appeal_id FROM appeal_evidence e"
                + " WHERE e.purged_at IS NULL)"
                + " AND a.state IN ('UPHELD', 'REJECTED') AND a.decided_at <= ?"
                + " ORDER BY a.decided_at, a.id LIMIT ? FOR UPDATE OF a SKIP LOCKED")
        .param(time(decidedBy))
        .param(limit)
        .query(
            (rs, n) ->
                new Purgeable(
                    rs.getObject("id", UUID.class),
                    rs.getObject("person_id", UUID.class),
                    AppealState.valueOf(rs.getString("state")),
                    nullableInstant(rs, "decided_at")))
        .list();
  }

  /**
   * Deletes the bytes of the appeal's files still held and leaves tombstones (name, type, size,
   * SHA-256, time of deletion); returns how many files.
   */
  int purgeEvidence(UUID appealId, Instant at) {
    return jdbc.sql(
            "UPDATE appeal_evidence SET content = NULL, purged_at = ?"
                + " WHERE appeal_id = ? AND purged_at IS NULL")
        .param(time(at))
        .param(appealId)
        .update();
  }

  void insert(Consultation note) {
    jdbc.sql(
            "INSERT INTO appeal_consultation (id, appeal_id, department, question, answer,"
                + " consulted_at, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .param(note.id())
        .param(note.appealId())
        .param(note.department())
        .param(note.question())
        .param(note.answer())
        .param(time(note.consultedAt()))
        .param(note.recordedBy())
        .param(time(note.recordedAt()))
        .update();
  }

  /** The consultation notes of an appeal, in the order the consultations took place. */
  List<Consultation> consultations(UUID appealId) {
    return jdbc.sql(
            "SELECT id, appeal_id, department, question, answer, consulted_at, recorded_by,"
                + " recorded_at FROM appeal_consultation WHERE appeal_id = ?"
                + " ORDER BY consulted_at, recorded_at")
        .param(appealId)
        .query(
            (rs, n) ->
                new Consultation(
                    rs.getObject("id", UUID.class),
                    rs.getObject("appeal_id", UUID.class),
                    rs.getString("department"),
                    rs.getString("question"),
                    rs.getString("answer"),
                    instant(rs, "consulted_at"),
                    rs.getString("recorded_by"),
                    instant(rs, "recorded_at")))
        .list();
  }

  int consultationCount(UUID appealId) {
    return jdbc.sql("SELECT count(*) FROM appeal_consultation WHERE appeal_id = ?")
        .param(appealId)
        .query(Integer.class)
        .single();
  }

  private static Appeal appeal(ResultSet rs, int row) throws SQLException {
    String outcome = rs.getString("outcome");
    Decision decision =
        outcome == null
            ? null
            : new Decision(
                Outcome.valueOf(outcome),
                colour(rs.getString("corrected_colour")),
                rs.getString("corrected_name"),
                rs.getString("answer"),
                rs.getString("decided_by"),
                instant(rs, "decided_at"));
    return new Appeal(
        rs.getObject("id", UUID.class),
        rs.getObject("person_id", UUID.class),
        rs.getObject("appellant_account", UUID.class),
        AppealKind.valueOf(rs.getString("kind")),
        AppealState.valueOf(rs.getString("state")),
        rs.getString("text"),
        colour(rs.getString("believed_colour")),
        rs.getString("correct_name"),
        Colour.valueOf(rs.getString("colour_at_filing")),
        instant(rs, "submitted_at"),
        rs.getString("reviewer"),
        nullableInstant(rs, "claimed_at"),
        decision);
  }

  private static EvidenceFile file(ResultSet rs, int row) throws SQLException {
    return new EvidenceFile(
        rs.getObject("id", UUID.class),
        rs.getObject("appeal_id", UUID.class),
        rs.getInt("position"),
        rs.getString("file_name"),
        EvidenceType.fromContentType(rs.getString("content_type")),
        rs.getInt("size_bytes"),
        java.util.HexFormat.of().formatHex(rs.getBytes("sha256")),
        nullableInstant(rs, "purged_at"));
  }

  private static @Nullable Colour colour(@Nullable String name) {
    return name == null ? null : Colour.valueOf(name);
  }

  private static @Nullable String name(@Nullable Colour colour) {
    return colour == null ? null : colour.name();
  }

  private static OffsetDateTime time(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  private static @Nullable Instant nullableInstant(ResultSet rs, String column)
      throws SQLException {
    var time = rs.getObject(column, OffsetDateTime.class);
    return time == null ? null : time.toInstant();
  }

  private static byte[] sha256(byte[] content) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
