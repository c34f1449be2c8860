package org.suishen.healthcode;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.suishen.shared.security.CitizenPrincipal;
import org.suishen.shared.security.Role;
import org.suishen.status.Colour;

/** Test data: people in the register, their status, and citizen sessions. */
public final class HealthCodeFixtures {

  private final JdbcClient jdbc;
  private final Clock clock;

  public HealthCodeFixtures(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A person with a unique random document number who has declared their health information. */
  public Person person(String name, @Nullable String photoFile) {
    Person person = undeclaredPerson(name, photoFile);
    declared(person.id());
    return person;
  }

  /** A person in the register who has not yet declared their health information. */
  public Person undeclaredPerson(String name, @Nullable String photoFile) {
    UUID id = UUID.randomUUID();
    String document =
        "3101"
            + String.format("%014d", ThreadLocalRandom.current().nextLong(1, 99_999_999_999_999L));
    jdbc.sql(
            "INSERT INTO person (id, document_type, document_number, name, name_normalised, sex,"
                + " birth_date, photo_file, registered_at, updated_at)"
                + " VALUES (?, 'RESIDENT_ID', ?, ?, ?, 'M', ?, ?, ?, ?)")
        .param(id)
        .param(document)
        .param(name)
        .param(name)
        .param(LocalDate.of(1990, 1, 1))
        .param(photoFile)
        .param(now())
        .param(now())
        .update();
    return new Person(id, document);
  }

  /** The person has declared their health information (no code without it, H1). */
  public void declared(UUID personId) {
    jdbc.sql(
            "INSERT INTO health_declaration (id, person_id, declared_at, symptoms, temperature,"
                + " region_visits, contact_with_cases, arriving_from_other_region)"
                + " VALUES (?, ?, ?, ARRAY[]::text[], 36.5, '[]'::jsonb, false, false)")
        .param(UUID.randomUUID())
        .param(personId)
        .param(now())
        .update();
  }

  public Person person() {
    return person("王小明", null);
  }

  /**
   * Sets the person's current colour directly in the status engine's table, as a status published
   * under the engine's current rule configuration (its fingerprint), so that the engine serves it.
   */
  public void colour(UUID personId, Colour colour, boolean redeclareNotice) {
    jdbc.sql(
            "INSERT INTO health_status (person_id, colour, rule, reason, source, since,"
                + " redeclare_notice, fingerprint) VALUES (?, ?, 'test', 'test', 'manual', ?, ?,"
                + " (SELECT value FROM status_engine_state WHERE name = 'fingerprint'))"
                + " ON CONFLICT (person_id) DO UPDATE SET colour = EXCLUDED.colour,"
                + " redeclare_notice = EXCLUDED.redeclare_notice, due_at = NULL,"
                + " fingerprint = EXCLUDED.fingerprint")
        .param(personId)
        .param(colour.name())
        .param(now())
        .param(redeclareNotice)
        .update();
  }

  public void colour(UUID personId, Colour colour) {
    colour(personId, colour, false);
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }

  /** A signed-in citizen whose account has claimed the person (or none, if null). */
  public static Authentication citizen(@Nullable UUID personId) {
    return UsernamePasswordAuthenticationToken.authenticated(
        new CitizenPrincipal(UUID.randomUUID(), "13800000000", personId),
        null,
        List.of(new SimpleGrantedAuthority(Role.CITIZEN.authority())));
  }

  /**
   * A matching XSRF-TOKEN cookie and X-XSRF-TOKEN header, as the pages send them; keeps the
   * request's other cookies. Use it instead of spring-security-test's {@code csrf()}: that one
   * replaces the shared filter chain's token repository for good, after which later requests of the
   * same application context (and browser tests) are refused with 403.
   */
  public static org.springframework.test.web.servlet.request.RequestPostProcessor xsrf() {
    return request -> {
      String token = UUID.randomUUID().toString();
      var cookies = new java.util.ArrayList<jakarta.servlet.http.Cookie>();
      if (request.getCookies() != null) {
        cookies.addAll(java.util.List.of(request.getCookies()));
      }
      cookies.add(new jakarta.servlet.http.Cookie("XSRF-TOKEN", token));
      request.setCookies(cookies.toArray(jakarta.servlet.http.Cookie[]::new));
      request.addHeader("X-XSRF-TOKEN", token);
      return request;
    };
  }

  /** A person in the register. */
  public record Person(UUID id, String documentNumber) {

    public String maskedDocument() {
      return documentNumber.substring(0, 4) + "**********" + documentNumber.substring(14);
    }
  }
}
