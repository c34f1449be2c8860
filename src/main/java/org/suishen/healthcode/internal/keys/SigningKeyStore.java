package org.suishen.healthcode.internal.keys;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.healthcode.internal.token.KeyStatus;
import org.suishen.healthcode.internal.token.SigningKey;
import org.suishen.healthcode.internal.token.TokenCrypto;

/**
 * Table {@code signing_key}. A partial unique index guarantees that at most one key is ACTIVE, even
 * with several nodes; rotations take a transaction-scoped advisory lock.
 */
@Repository
public class SigningKeyStore {

  static final String ALGORITHM = "Ed25519";
  private static final long ROTATION_LOCK = 0x5353_434b_4559L; // "SSCKEY"

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final MasterKey masterKey;
  private final SecureRandom random;

  SigningKeyStore(JdbcClient jdbc, TransactionTemplate transactions, MasterKey masterKey) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.masterKey = masterKey;
    this.random = new SecureRandom();
  }

  /** ACTIVE and VERIFY_ONLY keys with their secrets decrypted. */
  public List<SigningKey> usableKeys() {
    return jdbc.sql(
            "SELECT * FROM signing_key WHERE status IN ('ACTIVE', 'VERIFY_ONLY') ORDER BY key_id")
        .query(this::signingKey)
        .list();
  }

  /** Every key, newest first, without secrets. */
  public List<KeyInfo> allKeys() {
    return jdbc.sql("SELECT * FROM signing_key ORDER BY key_id DESC")
        .query(SigningKeyStore::info)
        .list();
  }

  public Optional<KeyInfo> find(int keyId) {
    return jdbc.sql("SELECT * FROM signing_key WHERE key_id = ?")
        .param(keyId)
        .query(SigningKeyStore::info)
        .optional();
  }

  /** Creates the first ACTIVE key unless one exists (another node may have just created it). */
  public void ensureActiveKey(Instant now) {
    boolean exists =
        jdbc.sql("SELECT count(*) FROM signing_key WHERE status = 'ACTIVE'")
                .query(Long.class)
                .single()
            > 0;
    if (exists) {
      return;
    }
    try {
      transactions.executeWithoutResult(tx -> insertActive(now));
    } catch (DuplicateKeyException e) {
      // another node won the race: its key is the active one
    }
  }

  /**
   * Makes a new key the signer and the previous signer VERIFY_ONLY until {@code now + grace}.
   *
   * @return the new key id and the previous one (if any)
   */
  public Rotation rotate(Instant now, java.time.Duration grace) {
    return transactions.execute(
        tx -> {
          jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(ROTATION_LOCK).query().singleRow();
          Integer previous =
              jdbc.sql(
                      "UPDATE signing_key SET status = 'VERIFY_ONLY', verify_until = ?"
                          + " WHERE status = 'ACTIVE' RETURNING key_id")
                  .param(Timestamp.from(now.plus(grace)))
                  .query(Integer.class)
                  .optional()
                  .orElse(null);
          int next = insertActive(now);
          return new Rotation(next, previous, previous == null ? null : now.plus(grace));
        });
  }

  /** Retires the VERIFY_ONLY keys whose grace period has passed; returns how many. */
  public int retireExpired(Instant now) {
    return jdbc.sql(
            "UPDATE signing_key SET status = 'RETIRED', retired_at = ?"
                + " WHERE status = 'VERIFY_ONLY' AND verify_until <= ?")
        .param(Timestamp.from(now))
        .param(Timestamp.from(now))
        .update();
  }

  /** Retires a VERIFY_ONLY key at once (e.g. suspected compromise); false if it is not one. */
  public boolean retireNow(int keyId, Instant now) {
    return jdbc.sql(
                "UPDATE signing_key SET status = 'RETIRED', retired_at = ?"
                    + " WHERE key_id = ? AND status = 'VERIFY_ONLY'")
            .param(Timestamp.from(now))
            .param(keyId)
            .update()
        == 1;
  }

  private int insertActive(Instant now) {
    int keyId = jdbc.sql("SELECT nextval('signing_key_id_seq')").query(Integer.class).single();
    Ed25519PrivateKeyParameters privateKey = TokenCrypto.newPrivateKey(random);
    var hmacSecret = new byte[TokenCrypto.HMAC_SECRET_LENGTH];
    random.nextBytes(hmacSecret);
    jdbc.sql(
            "INSERT INTO signing_key (key_id, algorithm, public_key, private_key_enc,"
                + " hmac_secret_enc, status, created_at, activated_at)"
                + " VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?, ?)")
        .param(keyId)
        .param(ALGORITHM)
        .param(privateKey.generatePublicKey().getEncoded())
        .param(masterKey.seal(privateKey.getEncoded(), privateContext(keyId)))
        .param(masterKey.seal(hmacSecret, hmacContext(keyId)))
        .param(Timestamp.from(now))
        .param(Timestamp.from(now))
        .update();
    return keyId;
  }

  private SigningKey signingKey(ResultSet rs, int row) throws SQLException {
    int keyId = rs.getInt("key_id");
    byte[] privateKey = masterKey.open(rs.getBytes("private_key_enc"), privateContext(keyId));
    byte[] hmacSecret = masterKey.open(rs.getBytes("hmac_secret_enc"), hmacContext(keyId));
    return new SigningKey(
        keyId,
        KeyStatus.valueOf(rs.getString("status")),
        new Ed25519PrivateKeyParameters(privateKey, 0),
        rs.getBytes("public_key"),
        hmacSecret,
        instant(rs, "created_at"),
        instant(rs, "activated_at"),
        instant(rs, "verify_until"),
        instant(rs, "retired_at"));
  }

  private static KeyInfo info(ResultSet rs, int row) throws SQLException {
    return new KeyInfo(
        rs.getInt("key_id"),
        rs.getString("algorithm"),
        rs.getBytes("public_key"),
        KeyStatus.valueOf(rs.getString("status")),
        instant(rs, "created_at"),
        instant(rs, "activated_at"),
        instant(rs, "verify_until"),
        instant(rs, "retired_at"));
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static String privateContext(int keyId) {
    return "signing_key:" + keyId + ":ed25519-private";
  }

  private static String hmacContext(int keyId) {
    return "signing_key:" + keyId + ":hmac-secret";
  }

  /** The outcome of a rotation. */
  public record Rotation(
      int activated, @Nullable Integer verifyOnly, @Nullable Instant verifyUntil) {}
}
