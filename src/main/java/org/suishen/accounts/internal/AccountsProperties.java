package org.suishen.accounts.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Figures of the accounts context (defaults in application.yaml).
 *
 * @param bootstrapAdmin the first administrator, created at start-up if there is none
 * @param password the password policy
 * @param generatedPasswordLength length of generated staff passwords (first administrator, resets)
 * @param deviceSecretLength length of generated device secrets
 * @param credentialCache remembers recently verified credentials so that devices authenticating on
 *     every request with HTTP Basic do not pay a bcrypt computation each time
 * @param sessionRecheckInterval how often a logged-in session is checked against the account (a
 *     disabled account or changed password ends the session within this interval)
 * @param pageSize accounts per page of the administrators' list
 * @param loginThrottle limits on failed staff and device logins
 */
@ConfigurationProperties("suishen.accounts")
public record AccountsProperties(
    BootstrapAdmin bootstrapAdmin,
    Password password,
    int generatedPasswordLength,
    int deviceSecretLength,
    CredentialCache credentialCache,
    Duration sessionRecheckInterval,
    int pageSize,
    LoginThrottle loginThrottle) {

  /**
   * @param username the first administrator's username
   * @param password the first administrator's password; empty: generate one and print it once to
   *     the log
   */
  public record BootstrapAdmin(String username, @Nullable String password) {}

  /**
   * @param minLength at least this many characters
   * @param minDistinctCharacters at least this many different characters ("aaaaaaaaaa" is weak)
   */
  public record Password(int minLength, int minDistinctCharacters) {}

  /**
   * @param timeToLive a verification is reused this long at most
   * @param maxEntries bound of the cache (it is emptied when full)
   */
  public record CredentialCache(Duration timeToLive, int maxEntries) {}

  /**
   * @param login failed logins per login name (a staff username or device id, known or not)
   * @param address failed logins per client address (IPv6: per /64 network), against trying one
   *     password on many names; a credential verified recently from the cache is not refused
   */
  public record LoginThrottle(Limit login, Limit address) {

    /** How long a failure count or lock can matter at most (for the clean-up). */
    public Duration retention() {
      Duration longest = login.window();
      for (Duration d : new Duration[] {login.coolDown(), address.window(), address.coolDown()}) {
        if (d.compareTo(longest) > 0) {
          longest = d;
        }
      }
      return longest;
    }
  }

  /**
   * @param maxFailures failed logins within {@code window} that lock
   * @param window failures are counted together this long from the first one
   * @param coolDown a lock lasts this long; meanwhile no password is checked
   */
  public record Limit(int maxFailures, Duration window, Duration coolDown) {}
}
