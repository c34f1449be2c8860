package org.suishen.accounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code login_throttle} table (failed logins per login name and per client address). */
@Repository
class LoginThrottleStore {

  enum Scope {
    LOGIN,
    ADDRESS
  }

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;

  LoginThrottleStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Counts one failure under {@code key}, serialised with other nodes by a row lock, and commits at
   * once (whatever happens to the login afterwards).
   *
   * @param login the login name, to link the row to its account if there is one
   * @param address the client address ({@link Scope#ADDRESS})
   * @param next the new count from the current one (none yet: {@code null})
   * @return the count before and after
   */
  Counted countFailure(
      String key,
      Scope scope,
      @Nullable String login,
      @Nullable String address,
      Instant now,
      UnaryOperator<@Nullable FailureCount> next) {
    return ownTransaction.execute(
        status -> {
          jdbc.sql(
                  "INSERT INTO login_throttle (key, scope, address, failures, window_start,"
                      + " updated_at) VALUES (?, ?, ?, 0, ?, ?) ON CONFLICT (key) DO NOTHING")
              .param(key)
              .param(scope.name())
              .param(address)
              .param(time(now))
              .param(time(now))
              .update();
          FailureCount before =
              jdbc.sql(
                      "SELECT failures, window_start, locked_until FROM login_throttle"
                          + " WHERE key = ? FOR UPDATE")
                  .param(key)
                  .query(LoginThrottleStore::count)
                  .single();
          FailureCount after = next.apply(before.failures() == 0 ? null : before);
          jdbc.sql(
                  "UPDATE login_throttle SET failures = ?, window_start = ?, locked_until = ?,"
                      + " updated_at = ?, account_id = (SELECT id FROM account WHERE login = ?)"
                      + " WHERE key = ?")
              .param(after.failures())
              .param(time(after.windowStart()))
              .param(after.lockedUntil() == null ? null : time(after.lockedUntil()))
              .param(time(now))
              .param(login)
              .param(key)
              .update();
          return new Counted(before.failures() == 0 ? null : before, after);
        });
  }

  record Counted(@Nullable FailureCount before, FailureCount after) {}

  /** When the lock under {@code key} ends, if one is in force. */
  Optional<Instant> lockedUntil(String key, Instant now) {
    return jdbc.sql("SELECT locked_until FROM login_throttle WHERE key = ? AND locked_until > ?")
        .param(key)
        .param(time(now))
        .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
        .optional();
  }

  /** Forgets the count under {@code key} unless a lock is in force (a successful login). */
  void forget(String key, Instant now) {
    jdbc.sql(
            "DELETE FROM login_throttle WHERE key = ?"
                + " AND (locked_until IS NULL OR locked_until <= ?)")
        .param(key)
        .param(time(now))
        .update();
  }

  /** Deletes the count and any lock under {@code key}; whether a lock was in force. */
  boolean lift(String key, Instant now) {
    return jdbc.sql("DELETE FROM login_throttle WHERE key = ? RETURNING locked_until")
        .param(key)
        .query(
            (rs, n) -> {
              OffsetDateTime until = rs.getObject(1, OffsetDateTime.class);
              return until != null && until.toInstant().isAfter(now);
            })
        .optional()
        .orElse(false);
  }

  /** The locks in force, the latest ending first. */
  List<LoginLock> locks(Instant now, int limit) {
    return jdbc.sql(
            "SELECT t.scope, t.address, t.failures, t.locked_until, a.id, a.login"
                + " FROM login_throttle t LEFT JOIN account a ON a.id = t.account_id"
                + " WHERE t.locked_until > ? ORDER BY t.locked_until DESC LIMIT ?")
        .param(time(now))
        .param(limit)
        .query(
            (rs, n) ->
                new LoginLock(
                    rs.getString("scope"),
                    rs.getObject("id", UUID.class),
                    rs.getString("login"),
                    rs.getString("address"),
                    rs.getInt("failures"),
                    rs.getObject("locked_until", OffsetDateTime.class).toInstant()))
        .list();
  }

  /** The id of the account with this login name, if there is one. */
  Optional<UUID> accountIdOf(String login) {
    return jdbc.sql("SELECT id FROM account WHERE login = ?")
        .param(login)
        .query(UUID.class)
        .optional();
  }

  /** Deletes counts whose last failure is older than the cutoff. */
  int deleteBefore(Instant cutoff) {
    return jdbc.sql("DELETE FROM login_throttle WHERE updated_at < ?").param(time(cutoff)).update();
  }

  private static FailureCount count(ResultSet rs, int row) throws SQLException {
    OffsetDateTime until = rs.getObject("locked_until", OffsetDateTime.class);
    return new FailureCount(
        rs.getInt("failures"),
        rs.getObject("window_start", OffsetDateTime.class).toInstant(),
        until == null ? null : until.toInstant());
  }

  static OffsetDateTime time(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
  }
}
