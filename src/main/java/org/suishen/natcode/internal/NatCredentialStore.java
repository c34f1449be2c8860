package org.suishen.natcode.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suishen.healthcode.CodeCredential;
import org.suishen.healthcode.CodeCredentials;
import org.suishen.healthcode.CodeType;
import org.suishen.shared.security.Role;

/**
 * Table {@code nat_credential} (V21_1): credential id → person, one current credential per person.
 * Also the scan's {@link CodeCredentials} for NAT codes: one {@code = ANY} read per group of scans.
 */
@Repository
class NatCredentialStore implements CodeCredentials {

  /** The first key of the advisory locks that serialise code generation per person. */
  private static final int LOCK_SPACE = 21_001;

  private final JdbcClient jdbc;
  private final NatCodeProperties properties;

  NatCredentialStore(JdbcClient jdbc, NatCodeProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  @Override
  public CodeType type() {
    return CodeType.NAT;
  }

  @Override
  public Optional<CodeCredential> find(UUID credentialId) {
    return jdbc.sql(
            "SELECT person_id, revoked_at, masked_name, masked_document FROM nat_credential"
                + " WHERE credential_id = ?")
        .param(credentialId)
        .query((rs, n) -> codeCredential(rs))
        .optional();
  }

  @Override
  public Map<UUID, CodeCredential> findAll(Collection<UUID> credentialIds) {
    var found = new HashMap<UUID, CodeCredential>();
    if (credentialIds.isEmpty()) {
      return found;
    }
    jdbc.sql(
            "SELECT credential_id, person_id, revoked_at, masked_name, masked_document"
                + " FROM nat_credential WHERE credential_id = ANY(?)")
        .param(credentialIds.toArray(UUID[]::new))
        .query((rs, n) -> found.put(rs.getObject("credential_id", UUID.class), codeCredential(rs)))
        .list();
    return found;
  }

  private static CodeCredential codeCredential(ResultSet rs) throws SQLException {
    return new CodeCredential(
        rs.getObject("person_id", UUID.class),
        instant(rs, "revoked_at"),
        rs.getString("masked_name"),
        rs.getString("masked_document"));
  }

  @Override
  public Set<Role> acceptedBy() {
    return properties.acceptedBy();
  }

  @Override
  public boolean showsStatus() {
    return false;
  }

  /**
   * Serialises generation per person until the transaction ends (N2 under concurrency), the people
   * in one order so that two groups never wait for each other.
   */
  void lockPeople(Collection<UUID> personIds) {
    jdbc.sql(
            "SELECT count(pg_advisory_xact_lock(?, hashtext(p)))"
                + " FROM (SELECT p FROM unnest(?::text[]) AS t(p) ORDER BY p) AS sorted")
        .param(LOCK_SPACE)
        .param(personIds.stream().map(UUID::toString).distinct().toArray(String[]::new))
        .query()
        .singleRow();
  }

  /**
   * Voids the people's current credentials and returns whose were voided. A credential that has not
   * expired yet enters the revocation feed with the transaction's id as its version.
   */
  Set<UUID> voidCurrent(Collection<UUID> personIds, Instant now) {
    Timestamp at = Timestamp.from(now);
    return new java.util.HashSet<>(
        jdbc.sql(
                "UPDATE nat_credential SET revoked_at = ?, revocation_version = CASE WHEN"
                    + " expires_at > ? THEN pg_current_xact_id()::text::bigint END"
                    + " WHERE person_id = ANY(?) AND revoked_at IS NULL RETURNING person_id")
            .param(at)
            .param(at)
            .param(personIds.stream().distinct().toArray(UUID[]::new))
            .query(UUID.class)
            .list());
  }

  /**
   * Inserts credentials with one statement. One whose {@code revokedAt} is set is voided already (a
   * person's earlier code of the same group) and enters the revocation feed like any other.
   */
  void insert(List<NatCredential> credentials) {
    int n = credentials.size();
    String[][] columns = new String[9][n];
    for (int i = 0; i < n; i++) {
      NatCredential c = credentials.get(i);
      columns[0][i] = c.credentialId().toString();
      columns[1][i] = c.personId().toString();
      columns[2][i] = c.issuedAt().toString();
      columns[3][i] = c.expiresAt().toString();
      columns[4][i] = c.revokedAt() == null ? null : c.revokedAt().toString();
      columns[5][i] = Integer.toString(FeedPartitions.bucketOf(c.credentialId()));
      columns[6][i] = Integer.toString(c.keyId());
      columns[7][i] = c.maskedName();
      columns[8][i] = c.maskedDocument();
    }
    jdbc.sql(
            "INSERT INTO nat_credential (credential_id, person_id, issued_at, expires_at,"
                + " revoked_at, revocation_version, bucket, key_id, masked_name, masked_document)"
                + " SELECT c, p, i, e, r, CASE WHEN r IS NOT NULL AND e > r"
                + " THEN pg_current_xact_id()::text::bigint END, b, k, n, d"
                + " FROM unnest(?::uuid[], ?::uuid[], ?::timestamptz[], ?::timestamptz[],"
                + " ?::timestamptz[], ?::int[], ?::int[], ?::text[], ?::text[])"
                + " AS t(c, p, i, e, r, b, k, n, d)")
        .params((Object[]) columns)
        .update();
  }

  /** The person's credential that has not been voided (it may have expired). */
  Optional<NatCredential> current(UUID personId) {
    return jdbc.sql(
            "SELECT credential_id, person_id, issued_at, expires_at, revoked_at, key_id,"
                + " masked_name, masked_document FROM nat_credential"
                + " WHERE person_id = ? AND revoked_at IS NULL")
        .param(personId)
        .query(NatCredentialStore::credential)
        .optional();
  }

  /** Keeps what a scan shows in step with the register (e.g. after a name correction). */
  void refreshIdentity(UUID credentialId, String maskedName, String maskedDocument) {
    jdbc.sql(
            "UPDATE nat_credential SET masked_name = ?, masked_document = ?"
                + " WHERE credential_id = ? AND (masked_name <> ? OR masked_document <> ?)")
        .param(maskedName)
        .param(maskedDocument)
        .param(credentialId)
        .param(maskedName)
        .param(maskedDocument)
        .update();
  }

  /**
   * The oldest transaction id still running: every revocation with a smaller version is final
   * (committed, or rolled back and invisible), and every later one will have a larger version.
   */
  long horizon() {
    return jdbc.sql("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
        .query(Long.class)
        .single();
  }

  /** Voided credentials of a bucket range with since < version < horizon, in version order. */
  List<Revocation> revokedSince(
      long since, long horizon, int firstBucket, int lastBucket, int limit) {
    return jdbc.sql(
            "SELECT credential_id, revocation_version, expires_at FROM nat_credential"
                + " WHERE revocation_version > ? AND revocation_version < ?"
                + " AND bucket BETWEEN ? AND ? ORDER BY revocation_version LIMIT ?")
        .param(since)
        .param(horizon)
        .param(firstBucket)
        .param(lastBucket)
        .param(limit)
        .query(NatCredentialStore::revocation)
        .list();
  }

  /** All voided credentials of one version in a bucket range (a group larger than a page). */
  List<Revocation> revokedAt(long version, int firstBucket, int lastBucket) {
    return jdbc.sql(
            "SELECT credential_id, revocation_version, expires_at FROM nat_credential"
                + " WHERE revocation_version = ? AND bucket BETWEEN ? AND ?")
        .param(version)
        .param(firstBucket)
        .param(lastBucket)
        .query(NatCredentialStore::revocation)
        .list();
  }

  private static NatCredential credential(ResultSet rs, int row) throws SQLException {
    return new NatCredential(
        rs.getObject("credential_id", UUID.class),
        rs.getObject("person_id", UUID.class),
        rs.getTimestamp("issued_at").toInstant(),
        rs.getTimestamp("expires_at").toInstant(),
        instant(rs, "revoked_at"),
        rs.getInt("key_id"),
        rs.getString("masked_name"),
        rs.getString("masked_document"));
  }

  private static Revocation revocation(ResultSet rs, int row) throws SQLException {
    return new Revocation(
        rs.getObject("credential_id", UUID.class),
        rs.getLong("revocation_version"),
        rs.getTimestamp("expires_at").toInstant());
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
