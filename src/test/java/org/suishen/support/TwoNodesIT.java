package org.suishen.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.suishen.SuishenApplication;
import org.suishen.citizen.internal.DevSmsOutbox;
import org.suishen.healthcode.CodeTokens;
import org.suishen.healthcode.CodeType;
import org.suishen.healthcode.HealthCodeFixtures;
import org.suishen.shared.masking.Masking;
import org.suishen.status.Colour;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two application nodes on one database, as a city runs them behind its load balancer: a citizen
 * logs in on one and is served by the other (the session lives in PostgreSQL), a code signed by one
 * is scanned by the other, a device token from one is taken by the other, and a scheduled job whose
 * lock one node holds does not run on the other.
 */
class TwoNodesIT {

  private static final Pattern CODE = Pattern.compile("(\\d{6})");

  /** One key for the device tokens of every node, as production sets it for all of them. */
  private static final String DEVICE_TOKEN_KEY =
      Base64.getEncoder()
          .encodeToString("two-nodes-it-device-token-key-32".getBytes(StandardCharsets.US_ASCII));

  private static ConfigurableApplicationContext first;
  private static ConfigurableApplicationContext second;

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final JsonMapper json = JsonMapper.builder().build();

  @BeforeAll
  static void twoNodes() {
    first = node();
    second = node();
  }

  @AfterAll
  static void stop() {
    for (var node : new ConfigurableApplicationContext[] {second, first}) {
      if (node != null) {
        node.close();
      }
    }
  }

  /** A node as the integration tests run it (test profile, the JVM's one embedded database). */
  static ConfigurableApplicationContext node() {
    return new SpringApplicationBuilder(SuishenApplication.class)
        .profiles("test")
        .run(
            "--server.port=0",
            "--spring.main.banner-mode=off",
            "--suishen.accounts.device-tokens.key=" + DEVICE_TOKEN_KEY);
  }

  static int port(ConfigurableApplicationContext node) {
    return ((WebServerApplicationContext) node).getWebServer().getPort();
  }

  /** A browser's cookies: what one node sets, the load balancer may send to the other. */
  final Map<String, String> cookies = new LinkedHashMap<>();

  record Answer(int status, String body) {}

  Answer send(ConfigurableApplicationContext node, String method, String path, String body)
      throws IOException, InterruptedException {
    String xsrf = cookies.computeIfAbsent("XSRF-TOKEN", name -> UUID.randomUUID().toString());
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port(node) + path))
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .header("X-XSRF-TOKEN", xsrf)
            .header(
                "Cookie",
                cookies.entrySet().stream()
                    .map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    for (String set : response.headers().allValues("Set-Cookie")) {
      String pair = set.split(";", 2)[0];
      int eq = pair.indexOf('=');
      cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return new Answer(response.statusCode(), response.body());
  }

  JsonNode ok(Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return json.readTree(answer.body());
  }

  static String randomPhone() {
    return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  }

  @Test
  void aCitizenLoggedInOnOneNodeIsServedByTheOther() throws Exception {
    String phone = randomPhone();
    ok(send(first, "POST", "/api/login/otp", "{\"phone\":\"" + phone + "\"}"));
    String text =
        first.getBean(DevSmsOutbox.class).messages().stream()
            .filter(m -> m.maskedPhone().equals(Masking.phone(phone)))
            .findFirst()
            .orElseThrow()
            .text();
    Matcher code = CODE.matcher(text);
    assertThat(code.find()).isTrue();
    ok(
        send(
            first,
            "POST",
            "/api/login",
            "{\"phone\":\"" + phone + "\",\"code\":\"" + code.group(1) + "\"}"));
    assertThat(cookies).containsKey("SESSION");

    JsonNode onFirst = ok(send(first, "GET", "/api/me", null));
    JsonNode onSecond = ok(send(second, "GET", "/api/me", null));
    assertThat(onSecond.get("phone").asString()).isEqualTo(Masking.phone(phone));
    assertThat(onSecond.get("accountId")).isEqualTo(onFirst.get("accountId"));
    // in PostgreSQL, under the account's id (never the phone number)
    assertThat(
            first
                .getBean(JdbcClient.class)
                .sql("SELECT count(*) FROM spring_session WHERE principal_name = ?")
                .param("citizen:" + onFirst.get("accountId").asString())
                .query(Long.class)
                .single())
        .isEqualTo(1);

    // logged out on the second node: the first node no longer knows the session either
    assertThat(send(second, "POST", "/logout", null).status()).isLessThan(400);
    assertThat(send(first, "GET", "/api/me", null).status()).isEqualTo(401);
  }

  @Test
  void aCodeSignedByOneNodeIsScannedByTheOther() throws Exception {
    var person =
        new HealthCodeFixtures(first.getBean(JdbcClient.class), first.getBean(Clock.class))
            .person();
    String token =
        first
            .getBean(CodeTokens.class)
            .issue(CodeType.LIVE, person.id(), null, Duration.ofMinutes(5), Colour.GREEN)
            .token();
    String body =
        json.writeValueAsString(
            Map.of("payload", token, "purpose", "venue-entry", "location", "两节点测试 东门"));
    var scan =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port(second) + "/api/scan"))
            .header("Content-Type", "application/json")
            .header("Authorization", basic(TestStaffAccounts.VENUE_STAFF))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    JsonNode decision = ok(asAnswer(http.send(scan, HttpResponse.BodyHandlers.ofString())));
    assertThat(decision.get("valid").asBoolean()).isTrue();
    assertThat(decision.get("maskedName").asString()).isEqualTo("王*明");
  }

  @Test
  void aDeviceTokenFromOneNodeIsTakenByTheOther() throws Exception {
    var exchange =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port(first) + "/api/device/token"))
            .header("Authorization", basic(TestStaffAccounts.SENTINEL))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    String token =
        ok(asAnswer(http.send(exchange, HttpResponse.BodyHandlers.ofString())))
            .get("token")
            .asString();
    var me =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port(second) + "/api/accounts/me"))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    assertThat(ok(asAnswer(http.send(me, HttpResponse.BodyHandlers.ofString()))).get("login"))
        .hasToString("\"" + TestStaffAccounts.SENTINEL + "\"");
  }

  @Test
  void aJobWhoseLockOneNodeHoldsDoesNotRunOnTheOther() {
    JdbcClient jdbc = first.getBean(JdbcClient.class);
    UUID old = UUID.randomUUID();
    Instant longAgo = Instant.now().minus(Duration.ofDays(30));
    jdbc.sql(
            "INSERT INTO citizen_otp (id, phone, purpose, code_hash, client_ip, created_at,"
                + " expires_at) VALUES (?, '13900000000', 'LOGIN', '\\x00', '127.0.0.1', ?, ?)")
        .params(old, Timestamp.from(longAgo), Timestamp.from(longAgo.plusSeconds(300)))
        .update();
    Runnable cleanupOnSecond = task(second, "ExpiredCodeCleanup.deleteOldCodes");

    // the first node is running the job
    var held =
        first
            .getBean(LockProvider.class)
            .lock(
                new LockConfiguration(
                    Instant.now(),
                    "citizen.expiredCodeCleanup",
                    Duration.ofMinutes(5),
                    Duration.ZERO))
            .orElseThrow();
    try {
      cleanupOnSecond.run();
      assertThat(otpRows(jdbc, old)).as("the second node left the job to the first").isEqualTo(1);
    } finally {
      held.unlock();
    }

    cleanupOnSecond.run();
    assertThat(otpRows(jdbc, old)).as("with the lock free, the second node ran it").isZero();
  }

  static long otpRows(JdbcClient jdbc, UUID id) {
    return jdbc.sql("SELECT count(*) FROM citizen_otp WHERE id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }

  /** The node's scheduled task of that method, as its scheduler runs it (through the job lock). */
  static Runnable task(ConfigurableApplicationContext node, String method) {
    return node.getBeansOfType(ScheduledTaskHolder.class).values().stream()
        .flatMap(holder -> holder.getScheduledTasks().stream())
        .map(scheduled -> scheduled.getTask().getRunnable())
        .filter(runnable -> runnable.toString().contains(method))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no scheduled task " + method));
  }

  static String basic(String login) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(
                (login + ":" + TestStaffAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  static Answer asAnswer(HttpResponse<String> response) {
    return new Answer(response.statusCode(), response.body());
  }
}
