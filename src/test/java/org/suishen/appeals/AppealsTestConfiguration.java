package org.suishen.appeals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.event.TransactionalEventListener;
import org.suishen.support.TestSignInConfiguration;
import org.suishen.support.TestStaffAccounts;

/**
 * Staff for the appeals tests (real accounts, see {@link TestStaffAccounts}): two reviewers and an
 * auditor, by HTTP Basic; a collector of the {@link AppealUpheld} events that were committed; the
 * test-only citizen sign-in.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(TestSignInConfiguration.class)
public class AppealsTestConfiguration {

  public static final String PASSWORD = TestStaffAccounts.PASSWORD;
  public static final String REVIEWER = TestStaffAccounts.REVIEWER;
  public static final String OTHER_REVIEWER = TestStaffAccounts.SECOND_REVIEWER;
  public static final String AUDITOR = TestStaffAccounts.AUDITOR;

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
