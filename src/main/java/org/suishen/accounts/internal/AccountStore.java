package org.suishen.accounts.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suishen.accounts.Account;
import org.suishen.accounts.AccountKind;
import org.suishen.accounts.internal.devicetoken.DeviceTokenRevocations;
import org.suishen.shared.security.Role;

/** The {@code account} table. */
@Repository
class AccountStore {

  /** Advisory lock taken while administrators are created or disabled (never zero of them). */
  private static final long ADMINISTRATORS_LOCK = 0x5375_6941_646D_696EL;

  private static final String COLUMNS =
      "id, kind, login, description, roles, password_hash, enabled, credentials_version,"
          + " created_at, updated_at";

  private final JdbcClient jdbc;
  private final DeviceTokenRevocations tokenRevocations;

  AccountStore(JdbcClient jdbc, DeviceTokenRevocations tokenRevocations) {
    this.jdbc = jdbc;
    this.tokenRevocations = tokenRevocations;
  }

  void insert(StoredAccount stored) {
    Account a = stored.account();
    jdbc.sql(
            "INSERT INTO account (id, kind, login, description, roles, password_hash, enabled,"
                + " credentials_version, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, string_to_array(?, ','), ?, ?, ?, ?, ?)")
        .param(a.id())
        .param(a.kind().name())
        .param(a.login())
        .param(a.description())
        .param(String.join(",", a.roles().stream().map(Role::name).toList()))
        .param(stored.passwordHash())
        .param(a.enabled())
        .param(stored.credentialsVersion())
        .param(time(a.createdAt()))
        .param(time(a.updatedAt()))
        .update();
  }

  Optional<StoredAccount> findByLogin(String login) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE login = ?")
        .param(login)
        .query(AccountStore::stored)
        .optional();
  }

  /**
   * What a login needs, in one round trip: the account of this name (if any) and the failed logins
   * counted for the name (table {@code login_throttle}, if any).
   */
  LoginCandidate findForLogin(String login) {
    return jdbc.sql(
            "SELECT a.id, a.kind, a.login, a.description, a.roles, a.password_hash, a.enabled,"
                + " a.credentials_version, a.created_at, a.updated_at,"
                + " t.failures, t.window_start, t.locked_until"
                + " FROM (SELECT 1) one"
                + " LEFT JOIN account a ON a.login = ?"
                + " LEFT JOIN login_throttle t ON t.key = ?")
        .param(login)
        .param(ThrottleKeys.login(login))
        .query(
            (rs, row) -> {
              StoredAccount account = rs.getObject("id") == null ? null : stored(rs, row);
              OffsetDateTime windowStart = rs.getObject("window_start", OffsetDateTime.class);
              OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
              FailureCount failures =
                  windowStart == null
                      ? null
                      : new FailureCount(
                          rs.getInt("failures"),
                          windowStart.toInstant(),
                          lockedUntil == null ? null : lockedUntil.toInstant());
              return new LoginCandidate(account, failures);
            })
        .single();
  }

  /** An account (or none) with the failed logins counted for its name (or none). */
  record LoginCandidate(@Nullable StoredAccount account, @Nullable FailureCount failures) {}

  Optional<StoredAccount> findById(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id = ?")
        .param(id)
        .query(AccountStore::stored)
        .optional();
  }

  /** Whether the account is enabled and at this credentials version (one primary-key lookup). */
  boolean stillValid(UUID id, int credentialsVersion) {
    return jdbc.sql("SELECT enabled AND credentials_version = ? FROM account WHERE id = ?")
        .param(credentialsVersion)
        .param(id)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  /**
   * One page of accounts in login order.
   *
   * @param prefix only logins starting with this (normalised) text
   * @param after keyset cursor: only logins after this one
   */
  List<Account> list(
      @Nullable AccountKind kind, @Nullable String prefix, @Nullable String after, int limit) {
    var sql = new StringBuilder("SELECT " + COLUMNS + " FROM account WHERE TRUE");
    List<Object> params = new ArrayList<>();
    if (kind != null) {
      sql.append(" AND kind = ?");
      params.add(kind.name());
    }
    if (prefix != null && !prefix.isEmpty()) {
      sql.append(" AND login LIKE ? ESCAPE '\\'");
      params.add(prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
    if (after != null && !after.isEmpty()) {
      sql.append(" AND login > ?");
      params.add(after);
    }
    sql.append(" ORDER BY login LIMIT ?");
    params.add(limit);
    return jdbc.sql(sql.toString())
        .params(params)
        .query((rs, row) -> stored(rs, row).account())
        .list();
  }

  void setEnabled(UUID id, boolean enabled, Instant now) {
    jdbc.sql(
            "UPDATE account SET enabled = ?, credentials_version = credentials_version + 1,"
                + " updated_at = ? WHERE id = ?")
        .param(enabled)
        .param(time(now))
        .param(id)
        .update();
    // its device tokens are refused from this node's next token check on, not at their expiry
    tokenRevocations.changed();
  }

  void setPassword(UUID id, String passwordHash, Instant now) {
    jdbc.sql(
            "UPDATE account SET password_hash = ?, credentials_version = credentials_version + 1,"
                + " updated_at = ? WHERE id = ?")
        .param(passwordHash)
        .param(time(now))
        .param(id)
        .update();
    // its device tokens are refused from this node's next token check on, not at their expiry
    tokenRevocations.changed();
  }

  /** Re-encodes a hash with a stronger encoding; the credentials themselves do not change. */
  void upgradePasswordHash(String login, String passwordHash) {
    jdbc.sql("UPDATE account SET password_hash = ? WHERE login = ?")
        .param(passwordHash)
        .param(login)
        .update();
  }

  boolean anyAdministrator() {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM account WHERE kind = 'STAFF' AND roles @> ARRAY[?::text])")
        .param(Role.ADMINISTRATOR.name())
        .query(Boolean.class)
        .single();
  }

  long enabledAdministrators() {
    return jdbc.sql(
            "SELECT count(*) FROM account WHERE kind = 'STAFF' AND enabled AND roles @> ARRAY[?::text]")
        .param(Role.ADMINISTRATOR.name())
        .query(Long.class)
        .single();
  }

  /** Serialises changes to the set of administrators until the transaction ends. */
  void lockAdministrators() {
    jdbc.sql("SELECT pg_advisory_xact_lock(?)")
        .param(ADMINISTRATORS_LOCK)
        .query(Object.class)
        .single();
  }

  private static OffsetDateTime time(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }

  private static StoredAccount stored(ResultSet rs, int row) throws SQLException {
    return new StoredAccount(
        account(rs), rs.getString("password_hash"), rs.getInt("credentials_version"));
  }

  /** The account of the current row (columns as in the table, the credentials not needed). */
  static Account account(ResultSet rs) throws SQLException {
    Array array = rs.getArray("roles");
    List<Role> roles =
        Arrays.stream((String[]) array.getArray()).map(Role::valueOf).sorted().toList();
    return new Account(
        rs.getObject("id", UUID.class),
        AccountKind.valueOf(rs.getString("kind")),
        rs.getString("login"),
        rs.getString("description"),
        roles,
        rs.getBoolean("enabled"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant());
  }
}
