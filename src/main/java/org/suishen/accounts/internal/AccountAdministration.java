package org.suishen.accounts.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.accounts.Account;
import org.suishen.accounts.AccountKind;
import org.suishen.accounts.LoginLocked;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;
import org.suishen.shared.security.Role;

/**
 * What administrators do with accounts: create staff and devices, disable and enable them, reset
 * passwords; and what staff do with their own: change the password. Every input is checked before
 * anything is written; every change is recorded in the audit trail (subject none: an account is not
 * a citizen's data; the account id is in the detail).
 */
@Service
public class AccountAdministration {

  private static final int MAX_DESCRIPTION = 200;

  private final AccountStore store;
  private final AccountListing listing;
  private final PasswordEncoder encoder;
  private final PasswordPolicy passwords;
  private final LoginNamePolicy logins;
  private final SecretGenerator generator;
  private final AuditTrail audit;
  private final AccountsProperties properties;
  private final LoginThrottle throttle;
  private final TransactionTemplate transaction;
  private final Clock clock;

  AccountAdministration(
      AccountStore store,
      AccountListing listing,
      PasswordEncoder encoder,
      PasswordPolicy passwords,
      LoginNamePolicy logins,
      SecretGenerator generator,
      AuditTrail audit,
      AccountsProperties properties,
      LoginThrottle throttle,
      TransactionTemplate transaction,
      Clock clock) {
    this.store = store;
    this.listing = listing;
    this.encoder = encoder;
    this.passwords = passwords;
    this.logins = logins;
    this.generator = generator;
    this.audit = audit;
    this.properties = properties;
    this.throttle = throttle;
    this.transaction = transaction;
    this.clock = clock;
  }

  @Transactional
  public Account createStaff(NewStaff request, Actor actor) {
    String username = logins.staffUsername(request.login());
    List<Role> roles = staffRoles(request.roles());
    String description = description(request.description());
    String password = passwords.check(username, request.password());
    Account account =
        insert(
            AccountKind.STAFF, username, description, roles, password, "accounts.username.taken");
    audit.record(
        new AuditEvent(
            actor,
            "accounts.staff.created",
            null,
            "account administration",
            "account=" + account.id() + " roles=" + names(roles)));
    return account;
  }

  @Transactional
  public IssuedSecret createDevice(NewDevice request, Actor actor) {
    return createDevice(request, generator.secret(properties.deviceSecretLength()), actor);
  }

  /** A device with a secret chosen by provisioning (it must pass the password policy). */
  @Transactional
  public IssuedSecret createDevice(NewDevice request, String secret, Actor actor) {
    String deviceId = logins.deviceId(request.login());
    Role role = deviceRole(request.roles());
    String description = description(request.description());
    passwords.check(deviceId, secret);
    Account account =
        insert(
            AccountKind.DEVICE,
            deviceId,
            description,
            List.of(role),
            secret,
            "accounts.device.id-taken");
    audit.record(
        new AuditEvent(
            actor,
            "accounts.device.created",
            null,
            "account administration",
            "account=" + account.id() + " role=" + role.name()));
    return new IssuedSecret(account, secret);
  }

  /**
   * Disables an account: it can no longer log in, and its open sessions end. An administrator
   * cannot disable their own account, nor the last enabled administrator.
   */
  @Transactional
  public Account disable(UUID id, Actor actor) {
    store.lockAdministrators();
    StoredAccount stored = existing(id);
    Account account = stored.account();
    if (isSelf(account, actor)) {
      throw SuishenException.conflict("accounts.account.self");
    }
    if (!account.enabled()) {
      return account;
    }
    if (account.kind() == AccountKind.STAFF
        && account.holds(Role.ADMINISTRATOR)
        && store.enabledAdministrators() <= 1) {
      throw SuishenException.conflict("accounts.admin.last");
    }
    store.setEnabled(id, false, now());
    audit.record(
        new AuditEvent(
            actor, "accounts.account.disabled", null, "account administration", "account=" + id));
    return existing(id).account();
  }

  @Transactional
  public Account enable(UUID id, Actor actor) {
    StoredAccount stored = existing(id);
    if (stored.account().enabled()) {
      return stored.account();
    }
    store.setEnabled(id, true, now());
    audit.record(
        new AuditEvent(
            actor, "accounts.account.enabled", null, "account administration", "account=" + id));
    return existing(id).account();
  }

  /**
   * Sets a new password (staff: the administrator's choice, or generated if none is given) or a new
   * generated secret (devices: always generated). Open sessions of the account end.
   */
  @Transactional
  public IssuedSecret resetPassword(UUID id, @Nullable String chosenPassword, Actor actor) {
    StoredAccount stored = existing(id);
    Account account = stored.account();
    boolean chosen = chosenPassword != null && !chosenPassword.isEmpty();
    String secret;
    if (account.kind() == AccountKind.DEVICE) {
      if (chosen) {
        throw SuishenException.badInput("accounts.device.secret-generated");
      }
      secret = generator.secret(properties.deviceSecretLength());
    } else if (chosen) {
      secret = passwords.check(account.login(), chosenPassword);
    } else {
      secret = generator.password(properties.generatedPasswordLength(), passwords, account.login());
    }
    store.setPassword(id, encoder.encode(secret), now());
    audit.record(
        new AuditEvent(
            actor,
            "accounts.password.reset",
            null,
            "account administration",
            "account=" + id + " generated=" + !chosen));
    return new IssuedSecret(existing(id).account(), chosen ? null : secret);
  }

  /**
   * A staff member changes their own password, proving the current one. Throttled like a log-in
   * ({@link LoginThrottle}): while the login name or the client address is locked the current
   * password is not checked ({@link LoginLocked}); a wrong one counts as a failed log-in for both
   * (committed whatever happens next), and a right one forgets the name's failures. Otherwise a
   * stolen session could try passwords without limit.
   *
   * @param clientAddress the request's client address (behind a trusted proxy: the forwarded one)
   * @throws LoginLocked the name or the address is locked, or this failure locked it
   */
  public void changeOwnPassword(
      UUID id,
      @Nullable String currentPassword,
      @Nullable String newPassword,
      @Nullable String clientAddress,
      Actor actor) {
    StoredAccount stored = existing(id);
    String login = stored.account().login();
    Instant now = now();
    String network =
        clientAddress == null ? null : ThrottleKeys.network(clientAddress).orElse(null);
    throttle.requireOpen(login, network, now);
    if (currentPassword == null || !encoder.matches(currentPassword, stored.passwordHash())) {
      throttle
          .failed(login, network, now)
          .ifPresent(
              lock -> {
                throw lock;
              });
      throw SuishenException.badInput("accounts.password.current-wrong");
    }
    String password = passwords.check(login, newPassword);
    if (password.equals(currentPassword)) {
      throw SuishenException.badInput("accounts.password.unchanged");
    }
    transaction.executeWithoutResult(
        status -> {
          store.setPassword(id, encoder.encode(password), now);
          audit.record(
              new AuditEvent(
                  actor,
                  "accounts.password.changed",
                  null,
                  "own password change",
                  "account=" + id));
        });
    throttle.succeeded(login, now);
  }

  /** One page of accounts in login order (see {@link AccountStore#list}). */
  @Transactional(readOnly = true)
  public List<Account> list(
      @Nullable AccountKind kind, @Nullable String prefix, @Nullable String after, int limit) {
    int size = Math.clamp(limit, 1, 1000);
    return store.list(
        kind,
        prefix == null ? null : LoginNamePolicy.normalise(prefix),
        after == null ? null : LoginNamePolicy.normalise(after),
        size);
  }

  /**
   * One page of the administrators' list, in login order, with each account's login lock. A page
   * after the last one is the last one (a link followed after accounts were filtered away).
   *
   * @param page from 1
   */
  @Transactional(readOnly = true)
  public AccountPage search(AccountSearch search, int page) {
    int size = Math.clamp(properties.pageSize(), 1, 1000);
    Instant now = now();
    long total = listing.count(search, now);
    int shown = Math.clamp(page, 1, AccountPage.pages(total, size));
    List<ListedAccount> accounts =
        total == 0 ? List.of() : listing.page(search, now, (long) (shown - 1) * size, size);
    return new AccountPage(accounts, total, shown, size);
  }

  @Transactional(readOnly = true)
  public Account find(UUID id) {
    return existing(id).account();
  }

  private Account insert(
      AccountKind kind,
      String login,
      String description,
      List<Role> roles,
      String secret,
      String takenCode) {
    if (store.findByLogin(login).isPresent()) {
      throw SuishenException.conflict(takenCode);
    }
    Instant now = now();
    var account = new Account(UUID.randomUUID(), kind, login, description, roles, true, now, now);
    try {
      store.insert(new StoredAccount(account, encoder.encode(secret), 1));
    } catch (DuplicateKeyException e) {
      // created by someone else a moment ago
      throw SuishenException.conflict(takenCode);
    }
    return store.findById(account.id()).orElseThrow().account();
  }

  private StoredAccount existing(UUID id) {
    return store
        .findById(id)
        .orElseThrow(() -> SuishenException.notFound("accounts.account.not-found"));
  }

  private static boolean isSelf(Account account, Actor actor) {
    return account.kind() == AccountKind.STAFF
        && "staff".equals(actor.kind())
        && account.login().equals(actor.id());
  }

  private static List<Role> staffRoles(@Nullable List<String> names) {
    if (names == null || names.isEmpty()) {
      throw SuishenException.badInput("accounts.roles.missing");
    }
    var roles = EnumSet.noneOf(Role.class);
    for (String name : names) {
      Role role = role(name);
      if (role.kind() != Role.Kind.STAFF) {
        throw SuishenException.badInput("accounts.roles.not-staff", role.name());
      }
      roles.add(role);
    }
    return new ArrayList<>(roles);
  }

  private static Role deviceRole(@Nullable List<String> names) {
    if (names == null
        || names.size() != 1
        || names.getFirst() == null
        || names.getFirst().isBlank()) {
      throw SuishenException.badInput("accounts.device.role-invalid");
    }
    Role role = role(names.getFirst());
    if (role.kind() != Role.Kind.DEVICE) {
      throw SuishenException.badInput("accounts.device.role-invalid");
    }
    return role;
  }

  private static Role role(@Nullable String name) {
    if (name == null) {
      throw SuishenException.badInput("accounts.role.unknown", "null");
    }
    try {
      return Role.valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw SuishenException.badInput("accounts.role.unknown", name);
    }
  }

  private static String description(@Nullable String description) {
    String text = description == null ? "" : description.strip();
    if (text.length() > MAX_DESCRIPTION) {
      throw SuishenException.badInput("accounts.description.too-long", MAX_DESCRIPTION);
    }
    return text;
  }

  private static String names(List<Role> roles) {
    return String.join(",", roles.stream().map(Role::name).toList());
  }

  private Instant now() {
    return clock.instant();
  }
}
