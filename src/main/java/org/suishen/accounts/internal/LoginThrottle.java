package org.suishen.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.accounts.Account;
import org.suishen.accounts.LoginLocked;
import org.suishen.accounts.internal.LoginThrottleStore.Scope;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;

/**
 * Limits on guessing staff and device passwords (docs/accounts.md, "Login throttling"): failed
 * logins are counted per login name and per client address in PostgreSQL (so every node sees them);
 * over the limit, logins are refused for a cool-down without checking the password. Only failures
 * write; a successful login writes only if it has failures to forget. Every lock is audited.
 */
@Service
public class LoginThrottle {

  private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");
  private static final Actor THROTTLE = Actor.system("accounts.login-throttle");

  private final LoginThrottleStore store;
  private final FailureLimit loginLimit;
  private final FailureLimit addressLimit;
  private final Duration retention;
  private final AuditTrail audit;
  private final Clock clock;

  LoginThrottle(
      LoginThrottleStore store, AccountsProperties properties, AuditTrail audit, Clock clock) {
    this.store = store;
    var settings = properties.loginThrottle();
    this.loginLimit = limit(settings.login());
    this.addressLimit = limit(settings.address());
    this.retention = settings.retention();
    this.audit = audit;
    this.clock = clock;
  }

  private static FailureLimit limit(AccountsProperties.Limit limit) {
    return new FailureLimit(limit.maxFailures(), limit.window(), limit.coolDown());
  }

  /** Refuses if the client address is locked. */
  void requireAddressOpen(String network, Instant now) {
    Optional<Instant> until = store.lockedUntil(ThrottleKeys.address(network), now);
    if (until.isPresent()) {
      throw locked(LoginLocked.ADDRESS, until.get(), now);
    }
  }

  /**
   * Refuses if the login name or the client address is locked (the name's lock first): for a
   * password check outside the log-in itself (a staff member's own password change).
   */
  void requireOpen(String login, @Nullable String network, Instant now) {
    Optional<Instant> until = store.lockedUntil(ThrottleKeys.login(login), now);
    if (until.isPresent()) {
      throw locked(LoginLocked.LOGIN, until.get(), now);
    }
    if (network != null) {
      requireAddressOpen(network, now);
    }
  }

  /**
   * Counts a failed login for the name and the client address.
   *
   * @return the lock this failure caused, if it caused one (the name's lock first)
   */
  Optional<LoginLocked> failed(String login, @Nullable String network, Instant now) {
    String name = LoginNamePolicy.normalise(login);
    var byName =
        store.countFailure(
            ThrottleKeys.login(name),
            Scope.LOGIN,
            name,
            null,
            now,
            c -> loginLimit.afterFailure(c, now));
    LoginLocked lock = null;
    if (newLock(byName, now)) {
      lock = locked(LoginLocked.LOGIN, byName.after().lockedUntil(), now);
      auditNameLock(name, byName.after());
    }
    if (network != null) {
      var byAddress =
          store.countFailure(
              ThrottleKeys.address(network),
              Scope.ADDRESS,
              null,
              network,
              now,
              c -> addressLimit.afterFailure(c, now));
      if (newLock(byAddress, now)) {
        audit.record(
            new AuditEvent(
                THROTTLE,
                "accounts.address.locked",
                null,
                "failed logins from one client address over the limit",
                "address="
                    + ThrottleKeys.masked(network)
                    + " failures="
                    + byAddress.after().failures()
                    + " until="
                    + byAddress.after().lockedUntil()));
        if (lock == null) {
          lock = locked(LoginLocked.ADDRESS, byAddress.after().lockedUntil(), now);
        }
      }
    }
    return Optional.ofNullable(lock);
  }

  /** Forgets the failures of a name after a successful login. */
  void succeeded(String login, Instant now) {
    store.forget(ThrottleKeys.login(login), now);
  }

  /** A refusal for a lock ending at {@code until}. */
  LoginLocked locked(String code, Instant until, Instant now) {
    return new LoginLocked(
        code,
        until,
        HOUR_MINUTE.format(until.atZone(clock.getZone())),
        (Duration.between(now, until).toMillis() + 999) / 1000);
  }

  /** The lock on an account's login name, if one is in force. */
  public Optional<Instant> lockedUntil(Account account) {
    return store.lockedUntil(ThrottleKeys.login(account.login()), clock.instant());
  }

  /** The locks in force (logins and addresses), the latest ending first. */
  public List<LoginLock> locks(int limit) {
    return store.locks(clock.instant(), limit);
  }

  /**
   * An administrator lifts the lock on an account's login name (and forgets its failures).
   *
   * @return whether a lock was in force
   */
  @Transactional
  public boolean unlock(Account account, Actor administrator) {
    boolean lifted = store.lift(ThrottleKeys.login(account.login()), clock.instant());
    if (lifted) {
      audit.record(
          new AuditEvent(
              administrator,
              "accounts.login.unlocked",
              null,
              "account administration",
              "account=" + account.id() + " login=" + account.login()));
    }
    return lifted;
  }

  /**
   * An administrator lifts the lock on a client address (and forgets its failures).
   *
   * @return the address as counted (IPv6: its /64 network) and whether a lock was in force
   */
  @Transactional
  public AddressUnlock unlockAddress(@Nullable String address, Actor administrator) {
    String network =
        ThrottleKeys.network(address == null ? "" : address)
            .orElseThrow(() -> SuishenException.badInput("accounts.lock.address-invalid"));
    boolean lifted = store.lift(ThrottleKeys.address(network), clock.instant());
    if (lifted) {
      audit.record(
          new AuditEvent(
              administrator,
              "accounts.address.unlocked",
              null,
              "account administration",
              "address=" + ThrottleKeys.masked(network)));
    }
    return new AddressUnlock(network, lifted);
  }

  /** The answer to an address unlock. */
  public record AddressUnlock(
      @io.swagger.v3.oas.annotations.media.Schema(example = "203.0.113.7") String address,
      @io.swagger.v3.oas.annotations.media.Schema(example = "true") boolean lifted) {}

  /** Deletes counts that no window or lock looks at any more. */
  int forgetOld() {
    return store.deleteBefore(clock.instant().minus(retention));
  }

  /** Whether this failure locked (and not a lock in force set by another node meanwhile). */
  private static boolean newLock(LoginThrottleStore.Counted counted, Instant now) {
    return counted.after().lockedAt(now)
        && (counted.before() == null || !counted.before().lockedAt(now));
  }

  private void auditNameLock(String name, FailureCount count) {
    // the name is staff data only if such an account exists; an unknown name may be anything
    // someone typed (even a password) and is not recorded
    String detail = "failures=" + count.failures() + " until=" + count.lockedUntil();
    audit.record(
        new AuditEvent(
            THROTTLE,
            "accounts.login.locked",
            null,
            "failed logins for one login name over the limit",
            store
                    .accountIdOf(name)
                    .map(id -> "account=" + id + " login=" + name + " ")
                    .orElse("account=none ")
                + detail));
  }
}
