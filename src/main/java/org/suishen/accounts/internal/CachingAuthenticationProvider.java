package org.suishen.accounts.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.suishen.accounts.LoginLocked;

/**
 * Spring Security's {@link DaoAuthenticationProvider} (account lookup on every request, disabled
 * accounts refused, timing-attack protection, hash upgrades) with two additions:
 *
 * <ul>
 *   <li>a password check that succeeded recently for the same stored hash is not recomputed (see
 *       {@link VerifiedCredentials});
 *   <li>failed logins are limited ({@link LoginThrottle}): a locked login name or client address is
 *       refused without checking the password (the name's lock comes with the account row, no extra
 *       query) unless the presented credential was verified recently — such a credential is no
 *       guess, and so a device keeps working while others fail on its name or address; failures are
 *       counted, and a success forgets the name's failures. A success served from the cache without
 *       failures to forget writes nothing.
 * </ul>
 */
final class CachingAuthenticationProvider extends DaoAuthenticationProvider {

  private final VerifiedCredentials verified;
  private final LoginThrottle throttle;
  private final Clock clock;

  CachingAuthenticationProvider(
      DatabaseUserDetailsService users,
      PasswordEncoder encoder,
      VerifiedCredentials verified,
      LoginThrottle throttle,
      Clock clock) {
    super(users);
    setPasswordEncoder(encoder);
    setUserDetailsPasswordService(users);
    this.verified = verified;
    this.throttle = throttle;
    this.clock = clock;
    UserDetailsChecker standard = getPreAuthenticationChecks();
    setPreAuthenticationChecks(
        user -> {
          // a locked name without an account has no credential to keep: refused as locked before
          // the standard checks would call it disabled (which would tell that it does not exist)
          if (user instanceof LockedUnknownLogin) {
            refuseIfLocked(user, clock.instant());
          }
          standard.check(user);
        });
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    Instant now = clock.instant();
    String login = LoginNamePolicy.normalise(authentication.getName());
    String network = network(authentication);
    Object credentials = authentication.getCredentials();
    if (network != null
        && !(credentials != null
            && verified.presentedRecently(login, credentials.toString(), now))) {
      throttle.requireAddressOpen(network, now);
    }
    Authentication result;
    try {
      result = super.authenticate(authentication);
    } catch (BadCredentialsException e) {
      Optional<LoginLocked> lock = throttle.failed(login, network, now);
      if (lock.isPresent()) {
        lock.get().initCause(e);
        throw lock.get();
      }
      throw e;
    }
    if (result != null
        && result.getPrincipal() instanceof ThrottledLogin loaded
        && loaded.failuresCounted()) {
      throttle.succeeded(login, now);
    }
    return result;
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
      // verified recently, before any lock: no guess, so a locked name does not refuse it (else
      // whoever knows a device id could lock the device out by failing five times)
      return;
    }
    refuseIfLocked(user, clock.instant());
    super.additionalAuthenticationChecks(user, authentication);
    if (credentials != null && storedHash != null) {
      verified.remember(user.getUsername(), storedHash, credentials.toString(), clock.instant());
    }
  }

  private void refuseIfLocked(UserDetails user, Instant now) {
    if (user instanceof ThrottledLogin loaded) {
      Instant until = loaded.lockedUntil();
      if (until != null && now.isBefore(until)) {
        throw throttle.locked(LoginLocked.LOGIN, until, now);
      }
    }
  }

  private static @Nullable String network(Authentication authentication) {
    if (authentication.getDetails() instanceof WebAuthenticationDetails details
        && details.getRemoteAddress() != null) {
      return ThrottleKeys.network(details.getRemoteAddress()).orElse(null);
    }
    return null;
  }
}
