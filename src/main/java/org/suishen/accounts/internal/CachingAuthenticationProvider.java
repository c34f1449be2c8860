package org.suishen.accounts.internal;

import java.time.Clock;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Spring Security's {@link DaoAuthenticationProvider} (account lookup on every request, disabled
 * accounts refused, timing-attack protection, hash upgrades) with one change: a password check that
 * succeeded recently for the same stored hash is not recomputed (see {@link VerifiedCredentials}).
 */
final class CachingAuthenticationProvider extends DaoAuthenticationProvider {

  private final VerifiedCredentials verified;
  private final Clock clock;

  CachingAuthenticationProvider(
      DatabaseUserDetailsService users,
      PasswordEncoder encoder,
      VerifiedCredentials verified,
      Clock clock) {
    super(users);
    setPasswordEncoder(encoder);
    setUserDetailsPasswordService(users);
    this.verified = verified;
    this.clock = clock;
  }

  @Override
  protected void additionalAuthenticationChecks(
      UserDetails user, UsernamePasswordAuthenticationToken authentication) {
    Object credentials = authentication.getCredentials();
    String storedHash = user.getPassword();
    if (credentials != null
        && storedHash != null
        && verified.matches(
            user.getUsername(), storedHash, credentials.toString(), clock.instant())) {
      return;
    }
    super.additionalAuthenticationChecks(user, authentication);
    if (credentials != null && storedHash != null) {
      verified.remember(user.getUsername(), storedHash, credentials.toString(), clock.instant());
    }
  }
}
