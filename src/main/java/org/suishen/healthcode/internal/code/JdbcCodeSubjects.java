package org.suishen.healthcode.internal.code;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.healthcode.CodeSubjects;

/** Table {@code code_subject}: random references, one current per person. */
@Repository
public class JdbcCodeSubjects implements CodeSubjects {

  private final JdbcClient jdbc;
  private final Clock clock;

  JdbcCodeSubjects(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public UUID referenceOf(UUID personId) {
    return current(personId)
        .orElseGet(
            () -> {
              jdbc.sql(
                      "INSERT INTO code_subject (person_ref, person_id, created_at) VALUES (?, ?, ?)"
                          + " ON CONFLICT (person_id) WHERE revoked_at IS NULL DO NOTHING")
                  .param(UUID.randomUUID())
                  .param(personId)
                  .param(Timestamp.from(clock.instant()))
                  .update();
              return current(personId).orElseThrow();
            });
  }

  @Override
  @Transactional
  public UUID renew(UUID personId) {
    jdbc.sql("UPDATE code_subject SET revoked_at = ? WHERE person_id = ? AND revoked_at IS NULL")
        .param(Timestamp.from(clock.instant()))
        .param(personId)
        .update();
    UUID ref = UUID.randomUUID();
    jdbc.sql("INSERT INTO code_subject (person_ref, person_id, created_at) VALUES (?, ?, ?)")
        .param(ref)
        .param(personId)
        .param(Timestamp.from(clock.instant()))
        .update();
    return ref;
  }

  /** Who a reference stands for, and whether it was withdrawn. */
  public Optional<Subject> resolve(UUID personRef) {
    return jdbc.sql("SELECT person_id, revoked_at FROM code_subject WHERE person_ref = ?")
        .param(personRef)
        .query(
            (rs, n) -> {
              Timestamp revoked = rs.getTimestamp("revoked_at");
              return new Subject(
                  rs.getObject("person_id", UUID.class),
                  revoked == null ? null : revoked.toInstant());
            })
        .optional();
  }

  /** References withdrawn after {@code since}, oldest first (for offline verifiers). */
  public List<Revoked> revokedSince(Instant since, int limit) {
    return jdbc.sql(
            "SELECT person_ref, revoked_at FROM code_subject WHERE revoked_at > ?"
                + " ORDER BY revoked_at LIMIT ?")
        .param(Timestamp.from(since))
        .param(limit)
        .query(
            (rs, n) ->
                new Revoked(
                    rs.getObject("person_ref", UUID.class),
                    rs.getTimestamp("revoked_at").toInstant()))
        .list();
  }

  private Optional<UUID> current(UUID personId) {
    return jdbc.sql(
            "SELECT person_ref FROM code_subject WHERE person_id = ? AND revoked_at IS NULL")
        .param(personId)
        .query(UUID.class)
        .optional();
  }

  /** A reference's person, and when it was revoked (null: current). */
  public record Subject(UUID personId, @Nullable Instant revokedAt) {}

  /** A withdrawn reference. */
  public record Revoked(UUID personRef, Instant revokedAt) {}
}
