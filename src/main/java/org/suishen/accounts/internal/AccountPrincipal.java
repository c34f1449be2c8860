package org.suishen.accounts.internal;

import java.io.Serial;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.suishen.accounts.AccountKind;
import org.suishen.shared.security.Role;

/**
 * A logged-in staff member or device. Kept in the session after form login; remembers the
 * credentials version it logged in with, so that a disabled account or a changed password ends the
 * session (see {@link SessionRevalidationFilter}).
 */
public final class AccountPrincipal implements UserDetails, CredentialsContainer, ThrottledLogin {

  @Serial private static final long serialVersionUID = 1L;

  private final UUID accountId;
  private final String login;
  private final AccountKind kind;
  private final List<Role> roles;
  private final boolean enabled;
  private final int credentialsVersion;
  private @Nullable String passwordHash;
  private final @Nullable Instant lockedUntil;
  private final boolean failuresCounted;

  AccountPrincipal(StoredAccount stored) {
    this(stored, null);
  }

  /**
   * @param failures the failed logins counted for the login name when it was loaded
   */
  AccountPrincipal(StoredAccount stored, @Nullable FailureCount failures) {
    this.accountId = stored.account().id();
    this.login = stored.account().login();
    this.kind = stored.account().kind();
    this.roles = List.copyOf(stored.account().roles());
    this.enabled = stored.account().enabled();
    this.credentialsVersion = stored.credentialsVersion();
    this.passwordHash = stored.passwordHash();
    this.lockedUntil = failures == null ? null : failures.lockedUntil();
    this.failuresCounted = failures != null;
  }

  /**
   * A device as its token names it (no password hash: a token is never a password): the account row
   * is not read per request, its changes reach the token through the revocation check.
   */
  public static AccountPrincipal ofDeviceToken(
      UUID accountId, String login, Role role, int credentialsVersion, Instant issuedAt) {
    var account =
        new org.suishen.accounts.Account(
            accountId, AccountKind.DEVICE, login, "", List.of(role), true, issuedAt, issuedAt);
    var principal = new AccountPrincipal(new StoredAccount(account, "", credentialsVersion));
    principal.eraseCredentials();
    return principal;
  }

  public UUID accountId() {
    return accountId;
  }

  public AccountKind kind() {
    return kind;
  }

  public List<Role> roles() {
    return roles;
  }

  public int credentialsVersion() {
    return credentialsVersion;
  }

  @Override
  public @Nullable Instant lockedUntil() {
    return lockedUntil;
  }

  @Override
  public boolean failuresCounted() {
    return failuresCounted;
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
  }

  @Override
  public @Nullable String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return login;
  }

  @Override
  public boolean isEnabled() {
    return enabled;
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AccountPrincipal p && p.accountId.equals(accountId);
  }

  @Override
  public int hashCode() {
    return accountId.hashCode();
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + login;
  }
}
