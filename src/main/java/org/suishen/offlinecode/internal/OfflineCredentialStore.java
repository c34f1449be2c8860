package org.suishen.offlinecode.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suishen.healthcode.CodeCredential;
import org.suishen.healthcode.CodeCredentials;
import org.suishen.healthcode.CodeType;
import org.suishen.shared.security.Role;

/**
 * Table {@code offline_credential} (V26_1): credential id → person, one current credential per
 * person. Also the scan's {@link CodeCredentials} for the paper code: one {@code = ANY} read per
 * group of scans.
 */
@Repository
class OfflineCredentialStore implements CodeCredentials {

  /** The first key of the advisory locks that serialise a person's applications. */
  private static final int LOCK_SPACE = 26_001;

  private final JdbcClient jdbc;
  private final OfflineCodeProperties properties;

  OfflineCredentialStore(JdbcClient jdbc, OfflineCodeProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  @Override
  public CodeType type() {
    return CodeType.OFFLINE;
  }

  @Override
  public Optional<CodeCredential> find(UUID credentialId) {
    return Optional.ofNullable(findAll(java.util.List.of(credentialId)).get(credentialId));
  }

  @Override
  public Map<UUID, CodeCredential> findAll(Collection<UUID> credentialIds) {
    var found = new HashMap<UUID, CodeCredential>();
    if (credentialIds.isEmpty()) {
      return found;
    }
    jdbc.sql(
            "SELECT credential_id, person_id, voided_at, masked_name, masked_document"
                + " FROM offline_credential WHERE credential_id = ANY(?)")
        .param(credentialIds.toArray(UUID[]::new))
        .query(
            (RowCallbackHandler)
                rs -> {
                  Timestamp voided = rs.getTimestamp("voided_at");
                  found.put(
                      rs.getObject("credential_id", UUID.class),
                      new CodeCredential(
                          rs.getObject("person_id", UUID.class),
                          voided == null ? null : voided.toInstant(),
                          rs.getString("masked_name"),
                          rs.getString("masked_document")));
                });
    return found;
  }

  @Override
  public Set<Role> acceptedBy() {
    return properties.acceptedBy();
  }

  /** Serialises a person's applications until the transaction ends (O6, O7 under concurrency). */
  void lockPerson(UUID personId) {
    jdbc.sql("SELECT pg_advisory_xact_lock(?, hashtext(?))")
        .param(LOCK_SPACE)
        .param(personId.toString())
        .query()
        .singleRow();
  }

  /** The person's credential not voided (it may have expired), if any. */
  Optional<OfflineCredential> current(UUID personId) {
    return jdbc.sql(SELECT + " WHERE person_id = ? AND voided_at IS NULL")
        .param(personId)
        .query(OfflineCredentialStore::credential)
        .optional();
  }

  /** The person's latest credential of any state (for "lost" and "voided" answers). */
  Optional<OfflineCredential> latest(UUID personId) {
    return jdbc.sql(SELECT + " WHERE person_id = ? ORDER BY issued_at DESC LIMIT 1")
        .param(personId)
        .query(OfflineCredentialStore::credential)
        .optional();
  }

  /** Counts the application against the person's day; false when there was one already. */
  boolean claimDay(UUID personId, LocalDate day, UUID credentialId, Instant at) {
    return jdbc.sql(
                "INSERT INTO offline_code_application (person_id, city_day, credential_id,"
                    + " applied_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
            .params(personId, day, credentialId, Timestamp.from(at))
            .update()
        == 1;
  }

  /** Voids the person's current credential; one not expired yet enters the revocation feed. */
  int voidCurrent(UUID personId, String reason, Instant now) {
    Timestamp at = Timestamp.from(now);
    return jdbc.sql(
            "UPDATE offline_credential SET voided_at = ?, void_reason = ?, revocation_version ="
                + " CASE WHEN expires_at > ? THEN pg_current_xact_id()::text::bigint END"
                + " WHERE person_id = ? AND voided_at IS NULL")
        .params(at, reason, at, personId)
        .update();
  }

  void insert(OfflineCredential c, String issuedBy) {
    jdbc.sql(
            "INSERT INTO offline_credential (credential_id, person_id, operation, channel,"
                + " issued_at, expires_at, issued_by, key_id, masked_name, masked_document)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            c.credentialId(),
            c.personId(),
            c.operation(),
            c.channel().name(),
            Timestamp.from(c.issuedAt()),
            Timestamp.from(c.expiresAt()),
            issuedBy,
            c.keyId(),
            c.maskedName(),
            c.maskedDocument())
        .update();
  }

  private static final String SELECT =
      "SELECT credential_id, person_id, operation, channel, issued_at, expires_at, voided_at,"
          + " void_reason, key_id, masked_name, masked_document FROM offline_credential";

  private static OfflineCredential credential(ResultSet rs, int row) throws SQLException {
    Timestamp voided = rs.getTimestamp("voided_at");
    return new OfflineCredential(
        rs.getObject("credential_id", UUID.class),
        rs.getObject("person_id", UUID.class),
        rs.getString("operation"),
        Channel.valueOf(rs.getString("channel")),
        rs.getTimestamp("issued_at").toInstant(),
        rs.getTimestamp("expires_at").toInstant(),
        voided == null ? null : voided.toInstant(),
        rs.getString("void_reason"),
        rs.getInt("key_id"),
        rs.getString("masked_name"),
        rs.getString("masked_document"));
  }
}
