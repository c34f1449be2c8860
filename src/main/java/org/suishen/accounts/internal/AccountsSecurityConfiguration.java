package org.suishen.accounts.internal;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Staff and devices authenticate against the {@code account} table (form login at /staff/login and
 * HTTP Basic, both configured in SecurityConfiguration). The provider uses the database-backed
 * {@link DatabaseUserDetailsService} and the application's PasswordEncoder (bcrypt by default).
 */
@Configuration(proxyBeanMethods = false)
class AccountsSecurityConfiguration {

  @Bean
  AuthenticationProvider accountAuthenticationProvider(
      DatabaseUserDetailsService users,
      PasswordEncoder encoder,
      AccountsProperties properties,
      LoginThrottle throttle,
      Clock clock) {
    var cache =
        new VerifiedCredentials(
            properties.credentialCache().timeToLive(), properties.credentialCache().maxEntries());
    return new CachingAuthenticationProvider(users, encoder, cache, throttle, clock);
  }

  @Bean
  PasswordPolicy passwordPolicy(AccountsProperties properties) {
    return new PasswordPolicy(properties.password());
  }

  @Bean
  LoginNamePolicy loginNamePolicy() {
    return new LoginNamePolicy();
  }

  @Bean
  SecretGenerator secretGenerator() {
    return new SecretGenerator();
  }
}
