package org.suishen.citizen.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code citizen_otp}: one row per code sent, kept a little over a day for the limits. */
@Repository
class CodeStore {

  private final JdbcClient jdbc;

  CodeStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Serialises code requests for one phone until the end of the transaction. */
  void lockPhone(PhoneNumber phone) {
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 3))")
        .param("citizen-otp:" + phone.value())
        .query((rs, row) -> 1)
        .single();
  }

  CodeSendHistory history(
      PhoneNumber phone, String clientAddress, Instant dayStart, Instant addressWindowStart) {
    var phoneStats =
        jdbc.sql(
                "SELECT max(created_at) AS last, count(*) AS n FROM citizen_otp"
                    + " WHERE phone = ? AND created_at > ?")
            .param(phone.value())
            .param(at(dayStart))
            .query(
                (rs, row) ->
                    new Object[] {rs.getObject("last", OffsetDateTime.class), rs.getInt("n")})
            .single();
    int fromAddress =
        jdbc.sql("SELECT count(*) FROM citizen_otp WHERE client_ip = ? AND created_at > ?")
            .param(clientAddress)
            .param(at(addressWindowStart))
            .query(Integer.class)
            .single();
    OffsetDateTime last = (OffsetDateTime) phoneStats[0];
    return new CodeSendHistory(
        last == null ? null : last.toInstant(), (Integer) phoneStats[1], fromAddress);
  }

  void insert(
      UUID id,
      PhoneNumber phone,
      CodePurpose purpose,
      @Nullable UUID accountId,
      byte[] codeHash,
      String clientAddress,
      Instant createdAt,
      Instant expiresAt) {
    jdbc.sql(
            "INSERT INTO citizen_otp (id, phone, purpose, account_id, code_hash, client_ip,"
                + " created_at, expires_at, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)")
        .param(id)
        .param(phone.value())
        .param(purpose.name())
        .param(accountId)
        .param(codeHash)
        .param(clientAddress)
        .param(at(createdAt))
        .param(at(expiresAt))
        .update();
  }

  void delete(UUID id) {
    jdbc.sql("DELETE FROM citizen_otp WHERE id = ?").param(id).update();
  }

  /** The newest code sent to the phone for the purpose (and account, when rebinding). */
  Optional<StoredCode> latest(PhoneNumber phone, CodePurpose purpose, @Nullable UUID accountId) {
    var query =
        accountId == null
            ? jdbc.sql(
                    "SELECT id, code_hash, expires_at, attempts, used_at FROM citizen_otp"
                        + " WHERE phone = ? AND purpose = ? ORDER BY created_at DESC LIMIT 1")
                .param(phone.value())
                .param(purpose.name())
            : jdbc.sql(
                    "SELECT id, code_hash, expires_at, attempts, used_at FROM citizen_otp"
                        + " WHERE phone = ? AND purpose = ? AND account_id = ?"
                        + " ORDER BY created_at DESC LIMIT 1")
                .param(phone.value())
                .param(purpose.name())
                .param(accountId);
    return query
        .query(
            (rs, row) -> {
              OffsetDateTime used = rs.getObject("used_at", OffsetDateTime.class);
              return new StoredCode(
                  rs.getObject("id", UUID.class),
                  rs.getBytes("code_hash"),
                  rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                  rs.getInt("attempts"),
                  used == null ? null : used.toInstant());
            })
        .optional();
  }

  /**
   * Counts one entry against the code before it is compared, atomically, so that parallel guesses
   * cannot exceed the limit. Empty if the code is used or out of attempts.
   */
  Optional<Integer> countAttempt(UUID id, int maxAttempts) {
    return jdbc.sql(
            "UPDATE citizen_otp SET attempts = attempts + 1"
                + " WHERE id = ? AND used_at IS NULL AND attempts < ? RETURNING attempts")
        .param(id)
        .param(maxAttempts)
        .query(Integer.class)
        .optional();
  }

  /** Marks the code used; false if someone else used it first. */
  boolean markUsed(UUID id, Instant now) {
    return jdbc.sql("UPDATE citizen_otp SET used_at = ? WHERE id = ? AND used_at IS NULL")
            .param(at(now))
            .param(id)
            .update()
        == 1;
  }

  int deleteCreatedBefore(Instant cutoff) {
    return jdbc.sql("DELETE FROM citizen_otp WHERE created_at < ?").param(at(cutoff)).update();
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
