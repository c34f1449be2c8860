package org.suishen.accounts.internal;

import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Staff (by username) and devices (by device id) from PostgreSQL, for form login and HTTP Basic.
 * Disabled accounts are returned as disabled, so that Spring Security refuses them. The same query
 * reads the failed logins counted for the name (see {@link LoginThrottle}): a locked name without
 * an account comes back as a {@link LockedUnknownLogin}. Also re-encodes a password hash when the
 * encoder asks for a stronger encoding.
 */
@Service
class DatabaseUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

  private final AccountStore store;
  private final Clock clock;

  DatabaseUserDetailsService(AccountStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    String login = LoginNamePolicy.normalise(username);
    var candidate = store.findForLogin(login);
    if (candidate.account() != null) {
      return new AccountPrincipal(candidate.account(), candidate.failures());
    }
    if (candidate.failures() != null && candidate.failures().lockedAt(clock.instant())) {
      return new LockedUnknownLogin(login, candidate.failures().lockedUntil());
    }
    throw new UsernameNotFoundException("No such account");
  }

  @Override
  public UserDetails updatePassword(UserDetails user, String newPassword) {
    store.upgradePasswordHash(user.getUsername(), newPassword);
    return loadUserByUsername(user.getUsername());
  }
}
