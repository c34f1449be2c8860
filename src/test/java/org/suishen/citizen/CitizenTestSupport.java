package org.suishen.citizen;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.suishen.citizen.internal.DevSmsOutbox;
import org.suishen.healthcode.HealthCodeFixtures;
import org.suishen.identity.document.TestResidentIds;
import org.suishen.shared.masking.Masking;

/**
 * Test helpers for citizens: random phones and client addresses, reading codes from the developer
 * outbox, logging in through the real API, putting people into the population register.
 */
public final class CitizenTestSupport {

  private static final Pattern CODE = Pattern.compile("(\\d{6})");

  private final MockMvc mvc;
  private final DevSmsOutbox outbox;
  private final JdbcClient jdbc;
  private final Clock clock;

  public CitizenTestSupport(MockMvc mvc, DevSmsOutbox outbox, JdbcClient jdbc, Clock clock) {
    this.mvc = mvc;
    this.outbox = outbox;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A person in the register. */
  public record RegisteredPerson(UUID id, String documentNumber, String name) {}

  public static String randomPhone() {
    var random = ThreadLocalRandom.current();
    return "1" + (3 + random.nextInt(7)) + "%09d".formatted(random.nextInt(1_000_000_000));
  }

  /** A random client address, so that tests do not share the per-address limit. */
  public static String randomAddress() {
    var random = ThreadLocalRandom.current();
    return "10.%d.%d.%d".formatted(random.nextInt(256), random.nextInt(256), random.nextInt(256));
  }

  public static RequestPostProcessor from(String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }

  public static MockHttpServletRequestBuilder postJson(String path, String json) {
    return post(path)
        .contentType(MediaType.APPLICATION_JSON)
        .content(json)
        .with(HealthCodeFixtures.xsrf());
  }

  /** The code in the newest developer-outbox message to the phone. */
  public String lastCodeSentTo(String phone) {
    String masked = Masking.phone(phone);
    String text =
        outbox.messages().stream()
            .filter(m -> m.maskedPhone().equals(masked))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no message to " + masked))
            .text();
    Matcher m = CODE.matcher(text);
    if (!m.find()) {
      throw new AssertionError("no code in " + text);
    }
    return m.group(1);
  }

  /** Requests a log-in code for the phone from a random address and returns it. */
  public String requestLoginCode(String phone) throws Exception {
    mvc.perform(
            postJson("/api/login/otp", "{\"phone\":\"" + phone + "\"}").with(from(randomAddress())))
        .andExpect(status().isOk());
    return lastCodeSentTo(phone);
  }

  /** Logs in with the phone through the real API; the session carries the citizen afterwards. */
  public MockHttpSession logIn(String phone) throws Exception {
    String code = requestLoginCode(phone);
    var session = new MockHttpSession();
    mvc.perform(
            postJson("/api/login", "{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\"}")
                .session(session))
        .andExpect(status().isOk());
    return session;
  }

  /** Makes the phone's earlier codes look older than the resend interval (instead of waiting). */
  public void ageCodesSentTo(String phone) {
    jdbc.sql(
            "UPDATE citizen_otp SET created_at = created_at - interval '2 minutes' WHERE phone = ?")
        .param(phone)
        .update();
  }

  /** Inserts a person with a valid resident ID into the register. */
  public RegisteredPerson registerPerson(String name) {
    var id = UUID.randomUUID();
    String number = TestResidentIds.bornOn(LocalDate.of(1985, 6, 15));
    var now = OffsetDateTime.now(clock);
    jdbc.sql(
            "INSERT INTO person (id, document_type, document_number, name, name_normalised, sex,"
                + " birth_date, registered_at, updated_at) VALUES (?, 'RESIDENT_ID', ?, ?, ?, 'M',"
                + " ?, ?, ?)")
        .param(id)
        .param(number)
        .param(name)
        .param(name)
        .param(LocalDate.of(1985, 6, 15))
        .param(now)
        .param(now)
        .update();
    return new RegisteredPerson(id, number, name);
  }

  /** A logged-in, registered citizen. */
  public record Citizen(MockHttpSession session, RegisteredPerson person, String phone) {}

  /** Logs in with a new phone and completes real-name registration as a new person. */
  public Citizen registeredCitizen(String phone, String name) throws Exception {
    var person = registerPerson(name);
    var session = logIn(phone);
    mvc.perform(
            postJson(
                    "/api/me/identity",
                    "{\"documentType\":\"RESIDENT_ID\",\"documentNumber\":\""
                        + person.documentNumber()
                        + "\",\"name\":\""
                        + name
                        + "\"}")
                .session(session))
        .andExpect(status().isOk());
    return new Citizen(session, person, phone);
  }
}
