package org.suishen.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Staff accounts for tests until the real account store is merged: a reviewer ({@code reviewer})
 * and an auditor ({@code auditor}), password {@code secret}, by HTTP Basic.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ReviewerAccounts {

  public static final String REVIEWER = "reviewer";
  public static final String AUDITOR = "auditor";
  public static final String PASSWORD = "secret";

  @Bean
  InMemoryUserDetailsManager testStaffAccounts() {
    return new InMemoryUserDetailsManager(
        User.withUsername(REVIEWER).password("{noop}" + PASSWORD).roles("APPEAL_REVIEWER").build(),
        User.withUsername(AUDITOR).password("{noop}" + PASSWORD).roles("AUDITOR").build());
  }
}
