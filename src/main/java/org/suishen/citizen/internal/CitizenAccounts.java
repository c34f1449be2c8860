package org.suishen.citizen.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code citizen_account}: phone and person are each bound to at most one account. */
@Repository
public class CitizenAccounts {

  private static final String COLUMNS =
      "id, phone, person_id, created_at, updated_at, session_epoch";
  private final JdbcClient jdbc;

  CitizenAccounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<CitizenAccount> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM citizen_account WHERE id = ?")
        .param(id)
        .query(CitizenAccounts::account)
        .optional();
  }

  public Optional<CitizenAccount> findByPhone(PhoneNumber phone) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM citizen_account WHERE phone = ?")
        .param(phone.value())
        .query(CitizenAccounts::account)
        .optional();
  }

  public Optional<CitizenAccount> findByPerson(UUID personId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM citizen_account WHERE person_id = ?")
        .param(personId)
        .query(CitizenAccounts::account)
        .optional();
  }

  /** Creates the account unless the phone has one already; empty if it had. */
  Optional<CitizenAccount> createIfAbsent(PhoneNumber phone, Instant now) {
    return jdbc.sql(
            "INSERT INTO citizen_account (id, phone, person_id, created_at, updated_at)"
                + " VALUES (?, ?, NULL, ?, ?) ON CONFLICT (phone) DO NOTHING RETURNING "
                + COLUMNS)
        .param(UUID.randomUUID())
        .param(phone.value())
        .param(at(now))
        .param(at(now))
        .query(CitizenAccounts::account)
        .optional();
  }

  /**
   * Binds the person to the account if the account has none yet; false otherwise. A person already
   * bound to another account fails with a {@code DuplicateKeyException}.
   */
  boolean bindPerson(UUID accountId, UUID personId, Instant now) {
    return jdbc.sql(
                "UPDATE citizen_account SET person_id = ?, updated_at = ?"
                    + " WHERE id = ? AND person_id IS NULL")
            .param(personId)
            .param(at(now))
            .param(accountId)
            .update()
        == 1;
  }

  /** Voids the account's real-name registration: it no longer stands for any person. */
  boolean releasePerson(UUID accountId, Instant now) {
    return jdbc.sql(
                "UPDATE citizen_account SET person_id = NULL, updated_at = ?"
                    + " WHERE id = ? AND person_id IS NOT NULL")
            .param(at(now))
            .param(accountId)
            .update()
        == 1;
  }

  /** A phone bound to another account fails with a {@code DuplicateKeyException}. */
  boolean changePhone(UUID accountId, PhoneNumber phone, Instant now) {
    return jdbc.sql("UPDATE citizen_account SET phone = ?, updated_at = ? WHERE id = ?")
            .param(phone.value())
            .param(at(now))
            .param(accountId)
            .update()
        == 1;
  }

  /**
   * Raises the account's session epoch: every session signed in before ends at its next request
   * (the caller records the new epoch in the session that made the change). Returns the new epoch.
   */
  int endSessions(UUID accountId, SessionEnd reason) {
    return jdbc.sql(
            "UPDATE citizen_account SET session_epoch = session_epoch + 1, sessions_end_reason = ?"
                + " WHERE id = ? RETURNING session_epoch")
        .param(reason.code())
        .param(accountId)
        .query(Integer.class)
        .single();
  }

  /** The account's session epoch and why it was last raised; empty if there is no such account. */
  public Optional<SessionEpoch> sessionEpoch(UUID accountId) {
    return jdbc.sql("SELECT session_epoch, sessions_end_reason FROM citizen_account WHERE id = ?")
        .param(accountId)
        .query(
            (rs, n) ->
                new SessionEpoch(
                    rs.getInt("session_epoch"), SessionEnd.of(rs.getString("sessions_end_reason"))))
        .optional();
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static CitizenAccount account(ResultSet rs, int row) throws SQLException {
    return new CitizenAccount(
        rs.getObject("id", UUID.class),
        rs.getString("phone"),
        rs.getObject("person_id", UUID.class),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
        rs.getInt("session_epoch"));
  }
}
