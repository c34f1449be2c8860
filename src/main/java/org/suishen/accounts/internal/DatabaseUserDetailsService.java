package org.suishen.accounts.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Staff (by username) and devices (by device id) from PostgreSQL, for form login and HTTP Basic.
 * Disabled accounts are returned as disabled, so that Spring Security refuses them. Also re-encodes
 * a password hash when the encoder asks for a stronger encoding.
 */
@Service
class DatabaseUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

  private final AccountStore store;

  DatabaseUserDetailsService(AccountStore store) {
    this.store = store;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    return store
        .findByLogin(LoginNamePolicy.normalise(username))
        .map(AccountPrincipal::new)
        .orElseThrow(() -> new UsernameNotFoundException("No such account"));
  }

  @Override
  public UserDetails updatePassword(UserDetails user, String newPassword) {
    store.upgradePasswordHash(user.getUsername(), newPassword);
    return loadUserByUsername(user.getUsername());
  }
}
