package org.suishen.healthcode.internal.code;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.healthcode.CodeSubjects;

/**
 * Table {@code code_subject}: random references, one current per person, with the masked identity a
 * scan shows (refreshed at every issue).
 */
@Repository
public class JdbcCodeSubjects implements CodeSubjects {

  /** The first key of the advisory locks that serialise renewals per person. */
  private static final int RENEWAL_LOCK_SPACE = 11_001;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final CodeSubjectCache cache;

  JdbcCodeSubjects(JdbcClient jdbc, Clock clock, CodeSubjectCache cache) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.cache = cache;
  }

  @Override
  public UUID referenceOf(UUID personId) {
    return referenceOf(personId, null);
  }

  /** The current reference, created on first use; refreshes the masked identity if it changed. */
  public UUID referenceOf(UUID personId, @Nullable MaskedIdentity identity) {
    Optional<Current> current = current(personId);
    if (current.isEmpty()) {
      jdbc.sql(
              "INSERT INTO code_subject (person_ref, person_id, created_at, masked_name,"
                  + " masked_document, photo_on_file) VALUES (?, ?, ?, ?, ?, ?)"
                  + " ON CONFLICT (person_id) WHERE revoked_at IS NULL DO NOTHING")
          .param(UUID.randomUUID())
          .param(personId)
          .param(Timestamp.from(clock.instant()))
          .param(identity == null ? null : identity.name())
          .param(identity == null ? null : identity.document())
          .param(identity == null ? null : identity.photoOnFile())
          .update();
      cache.changed(List.of(personId));
      current = current(personId);
    }
    Current found = current.orElseThrow();
    if (identity != null && !Objects.equals(identity, found.identity())) {
      jdbc.sql(
              "UPDATE code_subject SET masked_name = ?, masked_document = ?, photo_on_file = ?"
                  + " WHERE person_ref = ?")
          .param(identity.name())
          .param(identity.document())
          .param(identity.photoOnFile())
          .param(found.ref())
          .update();
      cache.changed(List.of(personId));
    }
    return found.ref();
  }

  @Override
  @Transactional
  public UUID renew(UUID personId) {
    // two renewals at once: the second waits and then withdraws the first one's new reference
    // (without the lock its insert would break the one-current-reference index and fail)
    jdbc.sql("SELECT pg_advisory_xact_lock(?, hashtext(?))")
        .param(RENEWAL_LOCK_SPACE)
        .param(personId.toString())
        .query()
        .singleRow();
    Timestamp now = Timestamp.from(clock.instant());
    var previous =
        jdbc.sql(
                "UPDATE code_subject SET revoked_at = ?,"
                    + " revocation_version = pg_current_xact_id()::text::bigint"
                    + " WHERE person_id = ? AND revoked_at IS NULL"
                    + " RETURNING masked_name, masked_document, photo_on_file")
            .param(now)
            .param(personId)
            .query(JdbcCodeSubjects::identity)
            .optional()
            .orElse(null);
    UUID ref = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO code_subject (person_ref, person_id, created_at, masked_name,"
                + " masked_document, photo_on_file) VALUES (?, ?, ?, ?, ?, ?)")
        .param(ref)
        .param(personId)
        .param(now)
        .param(previous == null ? null : previous.name())
        .param(previous == null ? null : previous.document())
        .param(previous == null ? null : previous.photoOnFile())
        .update();
    cache.changed(List.of(personId));
    return ref;
  }

  /**
   * Who these references stand for, whether withdrawn, and the masked identity to show (one query
   * for a whole group of scans).
   */
  public java.util.Map<UUID, Subject> resolveAll(java.util.Collection<UUID> personRefs) {
    var found = new java.util.HashMap<UUID, Subject>();
    jdbc.sql(
            "SELECT person_ref, person_id, revoked_at, masked_name, masked_document, photo_on_file"
                + " FROM code_subject"
                + " WHERE person_ref = ANY(?)")
        .param(personRefs.toArray(UUID[]::new))
        .query((rs, n) -> found.put(rs.getObject("person_ref", UUID.class), subject(rs, n)))
        .list();
    return found;
  }

  /**
   * The references in a range of the primary key, with when each was created (watermark traces).
   */
  public List<Referenced> between(UUID lowest, UUID highest) {
    return jdbc.sql(
            "SELECT person_ref, person_id, created_at, revoked_at, masked_name, masked_document,"
                + " photo_on_file"
                + " FROM code_subject WHERE person_ref BETWEEN ? AND ? ORDER BY created_at LIMIT 10")
        .param(lowest)
        .param(highest)
        .query(
            (rs, n) ->
                new Referenced(
                    rs.getObject("person_ref", UUID.class),
                    subject(rs, n),
                    rs.getTimestamp("created_at").toInstant()))
        .list();
  }

  /**
   * The oldest transaction id still running: every withdrawal with a smaller version is final
   * (committed, or rolled back and invisible), and every later one will have a larger version.
   */
  public long horizon() {
    return jdbc.sql("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
        .query(Long.class)
        .single();
  }

  /** References withdrawn with since < version < horizon, in version order. */
  public List<Revoked> revokedSince(long since, long horizon, int limit) {
    return jdbc.sql(
            "SELECT person_ref, revoked_at, revocation_version FROM code_subject"
                + " WHERE revocation_version > ? AND revocation_version < ?"
                + " ORDER BY revocation_version LIMIT ?")
        .param(since)
        .param(horizon)
        .param(limit)
        .query(JdbcCodeSubjects::revoked)
        .list();
  }

  /** All references withdrawn in one version (a group larger than a page). */
  public List<Revoked> revokedAt(long version) {
    return jdbc.sql(
            "SELECT person_ref, revoked_at, revocation_version FROM code_subject"
                + " WHERE revocation_version = ?")
        .param(version)
        .query(JdbcCodeSubjects::revoked)
        .list();
  }

  private static Revoked revoked(ResultSet rs, int row) throws SQLException {
    return new Revoked(
        rs.getObject("person_ref", UUID.class),
        rs.getTimestamp("revoked_at").toInstant(),
        rs.getLong("revocation_version"));
  }

  /** From this node's copy where it may answer (every code display asks). */
  private Optional<Current> current(UUID personId) {
    return cache.find(personId, this::read);
  }

  private Optional<Current> read(UUID personId) {
    return jdbc.sql(
            "SELECT person_ref, masked_name, masked_document, photo_on_file FROM code_subject"
                + " WHERE person_id = ? AND revoked_at IS NULL")
        .param(personId)
        .query((rs, n) -> new Current(rs.getObject("person_ref", UUID.class), identity(rs, n)))
        .optional();
  }

  private static Subject subject(ResultSet rs, int row) throws SQLException {
    Timestamp revoked = rs.getTimestamp("revoked_at");
    return new Subject(
        rs.getObject("person_id", UUID.class),
        revoked == null ? null : revoked.toInstant(),
        identity(rs, row));
  }

  private static @Nullable MaskedIdentity identity(ResultSet rs, int row) throws SQLException {
    String name = rs.getString("masked_name");
    String document = rs.getString("masked_document");
    return name == null || document == null
        ? null
        : new MaskedIdentity(name, document, rs.getObject("photo_on_file", Boolean.class));
  }

  record Current(UUID ref, @Nullable MaskedIdentity identity) {}

  /** A reference's person, when it was revoked (null: current), and the identity to show. */
  public record Subject(
      UUID personId, @Nullable Instant revokedAt, @Nullable MaskedIdentity identity) {}

  /** A reference with what it stands for and when it was created. */
  public record Referenced(UUID personRef, Subject subject, Instant createdAt) {}

  /** A withdrawn reference and the version (transaction id) that withdrew it. */
  public record Revoked(UUID personRef, Instant revokedAt, long version) {}
}
