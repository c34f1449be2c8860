package org.suishen.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.suishen.citizen.CitizenTestSupport.from;
import static org.suishen.citizen.CitizenTestSupport.postJson;
import static org.suishen.citizen.CitizenTestSupport.randomAddress;
import static org.suishen.citizen.CitizenTestSupport.randomPhone;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.suishen.citizen.sms.SmsSender;
import org.suishen.identity.document.TestResidentIds;
import org.suishen.support.IntegrationTest;

/**
 * The application with its production-style adapters: SMS through the webhook (a local HTTP server
 * stands in for the gateway), and a plugged-in identity verifier (here: one that refuses people
 * whose name starts with 拒). The developer outbox page does not exist then.
 */
@IntegrationTest
@AutoConfigureMockMvc
@Import(CitizenAdaptersIT.Verifier.class)
class CitizenAdaptersIT {

  private static final List<String> received = new CopyOnWriteArrayList<>();
  private static final List<String> authorizations = new CopyOnWriteArrayList<>();
  private static volatile int gatewayStatus = 200;
  private static final HttpServer gateway = startGateway();

  private static HttpServer startGateway() {
    try {
      var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/sms",
          exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            received.add(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(gatewayStatus, -1);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void adapters(DynamicPropertyRegistry registry) {
    registry.add("suishen.citizen.sms.adapter", () -> "webhook");
    registry.add(
        "suishen.citizen.sms.webhook.url",
        () -> "http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms");
    registry.add("suishen.citizen.sms.webhook.token", () -> "gateway-token");
    registry.add("suishen.citizen.identity.verifier", () -> "face-check-for-tests");
  }

  @TestConfiguration
  static class Verifier {
    @Bean
    IdentityVerifier refusingVerifier() {
      return (claim, person) -> !person.name().startsWith("拒");
    }
  }

  @AfterAll
  static void stopGateway() {
    gateway.stop(0);
  }

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired SmsSender sms;

  @BeforeEach
  void gatewayUp() {
    gatewayStatus = 200;
  }

  private String codeSentTo(String phone) {
    String body =
        received.reversed().stream()
            .filter(b -> b.contains("\"" + phone + "\""))
            .findFirst()
            .orElseThrow(() -> new AssertionError("nothing sent to the gateway"));
    Matcher m = Pattern.compile("(\\d{6})").matcher(body.replace(phone, ""));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private MockHttpSession logIn(String phone) throws Exception {
    mvc.perform(
            postJson("/api/login/otp", "{\"phone\":\"" + phone + "\"}").with(from(randomAddress())))
        .andExpect(status().isOk());
    var session = new MockHttpSession();
    mvc.perform(
            postJson(
                    "/api/login",
                    "{\"phone\":\"" + phone + "\",\"code\":\"" + codeSentTo(phone) + "\"}")
                .session(session))
        .andExpect(status().isOk());
    return session;
  }

  @Test
  void codesGoToTheGatewayWithTheBearerToken() throws Exception {
    assertThat(sms.getClass().getSimpleName()).isEqualTo("WebhookSmsSender");
    String phone = randomPhone();
    var session = logIn(phone);
    assertThat(authorizations.getLast()).isEqualTo("Bearer gateway-token");
    mvc.perform(get("/api/me").session(session)).andExpect(status().isOk());
  }

  @Test
  void aGatewayFailureIsA503AndDoesNotUseUpTheLimits() throws Exception {
    String phone = randomPhone();
    gatewayStatus = 500;
    mvc.perform(
            postJson("/api/login/otp", "{\"phone\":\"" + phone + "\"}").with(from(randomAddress())))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.code").value("citizen.sms.unavailable"));
    assertThat(
            jdbc.sql("SELECT count(*) FROM citizen_otp WHERE phone = ?")
                .param(phone)
                .query(Integer.class)
                .single())
        .isZero();
    gatewayStatus = 200;
    mvc.perform(
            postJson("/api/login/otp", "{\"phone\":\"" + phone + "\"}").with(from(randomAddress())))
        .andExpect(status().isOk());
  }

  @Test
  void theDeveloperOutboxDoesNotExistWithARealGateway() throws Exception {
    mvc.perform(get("/dev/sms")).andExpect(status().isNotFound());
    mvc.perform(get("/login"))
        .andExpect(status().isOk())
        .andExpect(
            result ->
                assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .doesNotContain("dev-sms-link"));
  }

  @Test
  void aFailedIdentityCheckRefusesTheRegistration() throws Exception {
    String number = TestResidentIds.random();
    var now = java.time.OffsetDateTime.now(clock);
    var personId = java.util.UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO person (id, document_type, document_number, name, name_normalised, sex,"
                + " birth_date, registered_at, updated_at) VALUES (?, 'RESIDENT_ID', ?, '拒小白',"
                + " '拒小白', 'F', DATE '1990-01-01', ?, ?)")
        .param(personId)
        .param(number)
        .param(now)
        .param(now)
        .update();
    String phone = randomPhone();
    var session = logIn(phone);
    mvc.perform(
            postJson(
                    "/api/me/identity",
                    "{\"documentType\":\"RESIDENT_ID\",\"documentNumber\":\""
                        + number
                        + "\",\"name\":\"拒小白\"}")
                .session(session))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("citizen.identity.not-verified"));
    assertThat(
            jdbc.sql("SELECT person_id IS NULL FROM citizen_account WHERE phone = ?")
                .param(phone)
                .query(Boolean.class)
                .single())
        .isTrue();
  }
}
