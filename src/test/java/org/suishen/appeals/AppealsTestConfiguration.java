package org.suishen.appeals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.suishen.support.TestSignInConfiguration;

/**
 * Staff for the appeals tests (the real staff account store is built elsewhere): two reviewers and
 * an auditor, by HTTP Basic; a collector of the {@link AppealUpheld} events that were committed;
 * the test-only citizen sign-in.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(TestSignInConfiguration.class)
public class AppealsTestConfiguration {

  public static final String PASSWORD = "test-password-1";
  public static final String REVIEWER = "reviewer.wang";
  public static final String OTHER_REVIEWER = "reviewer.li";
  public static final String AUDITOR = "auditor.zhao";

  @Bean
  InMemoryUserDetailsManager testStaff() {
    return new InMemoryUserDetailsManager(
        User.withUsername(REVIEWER).password("{noop}" + PASSWORD).roles("APPEAL_REVIEWER").build(),
        User.withUsername(OTHER_REVIEWER)
            .password("{noop}" + PASSWORD)
            .roles("APPEAL_REVIEWER")
            .build(),
        User.withUsername(AUDITOR).password("{noop}" + PASSWORD).roles("AUDITOR").build());
  }

  @Bean
  UpheldEvents upheldEvents() {
    return new UpheldEvents();
  }

  /** Every {@link AppealUpheld} whose transaction committed, in order. */
  public static class UpheldEvents {

    private final List<AppealUpheld> events = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    void on(AppealUpheld event) {
      events.add(event);
    }

    public List<AppealUpheld> of(java.util.UUID appealId) {
      return events.stream().filter(e -> e.appealId().equals(appealId)).toList();
    }
  }
}
