package org.suishen.status;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.suishen.shared.security.CitizenPrincipal;

/**
 * Test data for the status ITs (staff: officer-a, officer-b, auditor from {@link
 * org.suishen.support.TestStaffAccounts}). Every IT of the module imports this configuration, so
 * they share one application context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatusTestSupport {

  public static final String PASSWORD = org.suishen.support.TestStaffAccounts.PASSWORD;
  private static final SecureRandom RANDOM = new SecureRandom();

  @Bean
  PublishedStatusEvents publishedStatusEvents() {
    return new PublishedStatusEvents();
  }

  /**
   * Every status event published on any thread (the scheduled sweep runs on its own thread, where
   * the test framework's thread-bound event recording does not see it).
   */
  public static class PublishedStatusEvents {
    private final java.util.Queue<Object> events =
        new java.util.concurrent.ConcurrentLinkedQueue<>();

    @org.springframework.context.event.EventListener
    void changed(HealthStatusChanged event) {
      events.add(event);
    }

    @org.springframework.context.event.EventListener
    void notified(PersonNotified event) {
      events.add(event);
    }

    public List<HealthStatusChanged> changes(UUID personId) {
      return events.stream()
          .filter(e -> e instanceof HealthStatusChanged c && c.personId().equals(personId))
          .map(HealthStatusChanged.class::cast)
          .toList();
    }
  }

  /** A person in the population register with a unique foreign passport number. */
  public record TestPerson(UUID id, String documentNumber) {}

  public static TestPerson person(JdbcClient jdbc) {
    UUID id = UUID.randomUUID();
    String number = "P" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36).toUpperCase();
    jdbc.sql(
            "INSERT INTO person (id, document_type, document_number, name, name_normalised, sex,"
                + " birth_date, registered_at, updated_at)"
                + " VALUES (?, 'FOREIGN_PASSPORT', ?, '测试', '测试', 'F', DATE '1990-01-01', now(),"
                + " now())")
        .param(id)
        .param(number)
        .update();
    return new TestPerson(id, number);
  }

  public static List<TestPerson> people(JdbcClient jdbc, int count) {
    return java.util.stream.IntStream.range(0, count).mapToObj(i -> person(jdbc)).toList();
  }

  /** Today in the city's zone. */
  public static LocalDate today(Clock clock) {
    return LocalDate.now(clock);
  }

  public static String time(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.ofHours(8)).toString();
  }

  /** A citizen signed in (phone and one-time code) who has claimed this person's identity. */
  public static RequestPostProcessor citizen(@org.jspecify.annotations.Nullable UUID personId) {
    var principal = new CitizenPrincipal(UUID.randomUUID(), "13800000000", personId);
    return org.springframework.security.test.web.servlet.request
        .SecurityMockMvcRequestPostProcessors.authentication(
        UsernamePasswordAuthenticationToken.authenticated(
            principal, null, List.of(new SimpleGrantedAuthority("ROLE_CITIZEN"))));
  }

  public static RequestPostProcessor officer(String name) {
    return org.springframework.security.test.web.servlet.request
        .SecurityMockMvcRequestPostProcessors.httpBasic(name, PASSWORD);
  }
}
