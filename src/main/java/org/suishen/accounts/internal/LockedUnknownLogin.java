package org.suishen.accounts.internal;

import java.io.Serial;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A login name without an account whose failures reached the limit: it is refused as locked, like
 * an existing account, so that the lock does not tell which names exist. Never authenticates (no
 * password, no roles, disabled).
 */
final class LockedUnknownLogin implements UserDetails, ThrottledLogin {

  @Serial private static final long serialVersionUID = 1L;

  private final String login;
  private final Instant lockedUntil;

  LockedUnknownLogin(String login, Instant lockedUntil) {
    this.login = login;
    this.lockedUntil = lockedUntil;
  }

  @Override
  public Instant lockedUntil() {
    return lockedUntil;
  }

  @Override
  public boolean failuresCounted() {
    return true;
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of();
  }

  @Override
  public @Nullable String getPassword() {
    return null;
  }

  @Override
  public String getUsername() {
    return login;
  }

  @Override
  public boolean isEnabled() {
    return false;
  }
}
