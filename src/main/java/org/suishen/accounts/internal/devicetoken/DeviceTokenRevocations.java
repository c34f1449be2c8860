package org.suishen.accounts.internal.devicetoken;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.suishen.accounts.DeviceTokenRefused;

/**
 * Which device tokens no longer count: those of a device disabled, or given a new secret, after the
 * token was issued (the account's credentials version moved past the token's). Each node reads the
 * devices changed within a token's lifetime at most every {@code revocation-check} (one small
 * query, never one per request), so a revocation on any node takes effect everywhere within that
 * time; a change made on this node is read at the next check after its commit. If the database
 * cannot be read for four checks in a row, tokens are not accepted (fail closed: {@link
 * DeviceTokenRefused#UNCHECKED}).
 */
public final class DeviceTokenRevocations {

  private static final Logger log = LoggerFactory.getLogger(DeviceTokenRevocations.class);

  private record State(int credentialsVersion, boolean enabled) {}

  private record Snapshot(Map<String, State> changed, Instant readAt) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration check;
  private final Duration window;
  private final ReentrantLock refreshing = new ReentrantLock();
  private volatile Snapshot snapshot = new Snapshot(Map.of(), Instant.MIN);
  private volatile boolean stale = true;

  public DeviceTokenRevocations(JdbcClient jdbc, Clock clock, DeviceTokenProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.check = properties.revocationCheck();
    // a token lives `validity`; clocks may differ by a minute
    this.window = properties.validity().plus(check).plus(Duration.ofMinutes(1));
  }

  /**
   * Refuses the token of a device changed after it was issued.
   *
   * @throws DeviceTokenRefused {@link DeviceTokenRefused#REVOKED}, or {@link
   *     DeviceTokenRefused#UNCHECKED} while the changes cannot be read
   */
  public void requireCurrent(DeviceTokenClaims claims) {
    Snapshot current = current(clock.instant());
    State state = current.changed().get(claims.login());
    if (state == null) {
      return; // not changed within a token's lifetime: the token was issued after any change
    }
    // a token newer than what this node read was issued from the account as it is now
    if (state.credentialsVersion() > claims.credentialsVersion()
        || (state.credentialsVersion() == claims.credentialsVersion() && !state.enabled())) {
      throw new DeviceTokenRefused(DeviceTokenRefused.REVOKED);
    }
  }

  /** A device account changed in the current transaction: read again after its commit. */
  public void changed() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              stale = true;
            }
          });
    } else {
      stale = true;
    }
  }

  private Snapshot current(Instant now) {
    Snapshot current = snapshot;
    boolean due = stale || !now.isBefore(current.readAt().plus(check));
    if (!due) {
      return current;
    }
    boolean tooOld = !now.isBefore(current.readAt().plus(check.multipliedBy(4)));
    try {
      // one reader at a time; the others go on with what was read unless it is too old
      if (tooOld || stale ? refreshing.tryLock(5, TimeUnit.SECONDS) : refreshing.tryLock()) {
        try {
          if (snapshot == current) {
            stale = false;
            snapshot = read(now);
          }
        } finally {
          refreshing.unlock();
        }
      }
    } catch (DataAccessException e) {
      stale = true;
      log.warn("Device tokens: could not read the changed devices ({})", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Snapshot after = snapshot;
    if (!now.isBefore(after.readAt().plus(check.multipliedBy(4)))) {
      throw new DeviceTokenRefused(DeviceTokenRefused.UNCHECKED);
    }
    return after;
  }

  private Snapshot read(Instant now) {
    var changed = new HashMap<String, State>();
    jdbc.sql(
            "SELECT login, credentials_version, enabled FROM account"
                + " WHERE kind = 'DEVICE' AND updated_at > ?")
        .param(Timestamp.from(now.minus(window)))
        .query(
            (rs, n) ->
                changed.put(
                    rs.getString("login"),
                    new State(rs.getInt("credentials_version"), rs.getBoolean("enabled"))))
        .list();
    return new Snapshot(Map.copyOf(changed), now);
  }
}
