package org.suishen.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.suishen.citizen.CitizenTestSupport.from;
import static org.suishen.citizen.CitizenTestSupport.randomAddress;
import static org.suishen.citizen.CitizenTestSupport.randomPhone;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.suishen.citizen.internal.DevSmsOutbox;
import org.suishen.healthcode.HealthCodeFixtures;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.support.MutableClock;

/**
 * A phone rebinding ends the account's other sessions (on the next check, at most {@code
 * suishen.citizen.session.recheck-interval} later); the session that rebound stays signed in. Uses
 * the health code's test context for its movable clock.
 */
@HealthCodeIntegrationTest
class SessionEndingIT {

  /** Past the configured recheck interval (15 s), so that every session is checked again. */
  private static final Duration PAST_RECHECK = Duration.ofSeconds(16);

  @Autowired MockMvc mvc;
  @Autowired DevSmsOutbox outbox;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  CitizenTestSupport citizens;

  @BeforeEach
  void setUp() {
    citizens = new CitizenTestSupport(mvc, outbox, jdbc, clock);
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  /**
   * A JSON POST with the cookie-to-header CSRF token. Not spring-security-test's {@code
   * HealthCodeFixtures.xsrf()}: in this shared context that would swap the CSRF token repository
   * for the tests that follow.
   */
  private static MockHttpServletRequestBuilder postJson(String path, String body) {
    return post(path)
        .contentType(MediaType.APPLICATION_JSON)
        .content(body)
        .with(HealthCodeFixtures.xsrf());
  }

  private MockHttpSession logIn(String phone) throws Exception {
    citizens.ageCodesSentTo(phone);
    mvc.perform(
            postJson("/api/login/otp", "{\"phone\":\"" + phone + "\"}").with(from(randomAddress())))
        .andExpect(status().isOk());
    String code = citizens.lastCodeSentTo(phone);
    var session = new MockHttpSession();
    mvc.perform(
            postJson("/api/login", "{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\"}")
                .session(session))
        .andExpect(status().isOk());
    return session;
  }

  /** A logged-in citizen who completed real-name registration; returns the session. */
  private MockHttpSession registeredCitizen(String phone, String name) throws Exception {
    var person = citizens.registerPerson(name);
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
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.registered").value(true));
    return session;
  }

  /** Rebinds the citizen's account to a new number from the given session. */
  private String rebind(MockHttpSession session) throws Exception {
    String newPhone = randomPhone();
    mvc.perform(
            postJson("/api/me/phone/otp", "{\"phone\":\"" + newPhone + "\"}")
                .session(session)
                .with(from(randomAddress())))
        .andExpect(status().isOk());
    String code = citizens.lastCodeSentTo(newPhone);
    mvc.perform(
            postJson("/api/me/phone", "{\"phone\":\"" + newPhone + "\",\"code\":\"" + code + "\"}")
                .session(session))
        .andExpect(status().isOk());
    return newPhone;
  }

  private MockHttpSession secondSession(String phone) throws Exception {
    var second = logIn(phone);
    mvc.perform(get("/api/me").session(second))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.registered").value(true));
    return second;
  }

  @Test
  void rebindingEndsTheOtherSessionForTheApiAndKeepsTheOneThatRebound() throws Exception {
    String phone = randomPhone();
    var first = registeredCitizen(phone, "钱程");
    var second = secondSession(phone);

    rebind(first);
    clock.advance(PAST_RECHECK);

    mvc.perform(get("/api/me").session(second))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.code").value("citizen.session.ended"))
        .andExpect(jsonPath("$.reason").value("phone-rebound"))
        .andExpect(jsonPath("$.messageEn").value(org.hamcrest.Matchers.containsString("phone")))
        .andExpect(jsonPath("$.messageZh").value(org.hamcrest.Matchers.containsString("手机号")));
    assertThat(second.isInvalid()).isTrue();

    // the session that rebound is still signed in, and so it stays on later checks
    mvc.perform(get("/api/me").session(first))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.registered").value(true));
    clock.advance(PAST_RECHECK);
    mvc.perform(get("/me").session(first)).andExpect(status().isOk());
  }

  @Test
  void anEndedPageSessionGoesToTheLoginPageWhichSaysWhyInBothLanguages() throws Exception {
    String phone = randomPhone();
    var first = registeredCitizen(phone, "冯琳");
    var second = secondSession(phone);
    var third = secondSession(phone);

    rebind(first);
    clock.advance(PAST_RECHECK);

    mvc.perform(get("/me").session(second))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/login?ended=phone-rebound"));
    mvc.perform(get("/login").param("ended", "phone-rebound"))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"session-ended\"")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("本账号的手机号已更换")));
    mvc.perform(
            get("/login").param("ended", "phone-rebound").cookie(new Cookie("suishen-lang", "en")))
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.containsString(
                        "You were signed out on this device because your phone number changed")));
    // an unknown reason shows nothing (no message key is built from arbitrary input)
    mvc.perform(get("/login").param("ended", "x\"><script>"))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("session-ended"))));

    // the third session ends as well: every other session, not only one
    mvc.perform(get("/api/me").session(third)).andExpect(status().isUnauthorized());
  }

  @Test
  void withoutARebindingSessionsStaySignedIn() throws Exception {
    String phone = randomPhone();
    var first = registeredCitizen(phone, "蒋欣");
    var second = secondSession(phone);
    clock.advance(PAST_RECHECK);
    mvc.perform(get("/api/me").session(second)).andExpect(status().isOk());
    mvc.perform(get("/api/me").session(first)).andExpect(status().isOk());
  }
}
