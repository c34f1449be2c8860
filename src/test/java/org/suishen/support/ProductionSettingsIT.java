package org.suishen.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.SuishenApplication;

/**
 * The application started as production starts it: no profile, only application.yaml and the
 * settings given here (the test classes are left out of the component scan). Every development
 * adapter and secret is off by default: a start without one of the required settings refuses with a
 * message naming it, and a start with all of them serves no developer page, trusts no forwarded
 * header and applies migrations strictly in order.
 */
class ProductionSettingsIT {

  private static final Path DATA = Path.of("target", "production-settings-it", "postgres");

  /** What a deployment must set (environment variables in production), besides its database. */
  private static final Map<String, String> REQUIRED = new LinkedHashMap<>();

  static {
    REQUIRED.put(
        "suishen.healthcode.master-key",
        Base64.getEncoder()
            .encodeToString(
                "production-settings-it-key-32byt".getBytes(StandardCharsets.US_ASCII)));
    REQUIRED.put("suishen.citizen.otp.hash-secret", "production-settings-it-one-time-code-secret");
    REQUIRED.put("suishen.citizen.sms.adapter", "webhook");
    REQUIRED.put("suishen.citizen.sms.webhook.url", "http://127.0.0.1:9/sms");
    REQUIRED.put("suishen.citizen.sms.webhook.token", "gateway-token");
    REQUIRED.put("suishen.citizen.identity.verifier", "register");
    REQUIRED.put("suishen.citizen.identity.carrier", "none");
    REQUIRED.put("suishen.audit.anchor.adapter", "log");
    REQUIRED.put(
        "suishen.accounts.device-tokens.key",
        Base64.getEncoder()
            .encodeToString(
                "production-settings-it-device-tk".getBytes(StandardCharsets.US_ASCII)));
  }

  /** This test's own database (the other tests' one carries their signing keys and accounts). */
  private static final Map<String, String> DATABASE =
      Map.of(
          "suishen.database.embedded.enabled",
          "true",
          "suishen.database.embedded.data-directory",
          DATA.toString());

  private static final Map<String, String> QUIET =
      Map.of(
          "server.port", "0",
          "spring.main.banner-mode", "off",
          "logging.level.root", "WARN",
          "suishen.accounts.bootstrap-admin.password", "Production-Settings-IT-1",
          "suishen.audit.scheduled-verification.enabled", "false");

  /** Started with every required setting; keeps the database up for the refused starts. */
  private static ConfigurableApplicationContext running;

  @BeforeAll
  static void startWithEverySetting() throws IOException {
    if (Files.exists(DATA)) {
      try (Stream<Path> files = Files.walk(DATA)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    running = start(with(REQUIRED, DATABASE));
  }

  @AfterAll
  static void stop() {
    if (running != null) {
      running.close();
    }
  }

  @SafeVarargs
  private static Map<String, String> with(Map<String, String>... parts) {
    var all = new LinkedHashMap<String, String>();
    for (var part : parts) {
      all.putAll(part);
    }
    return all;
  }

  private static Map<String, String> without(String setting) {
    var settings = with(REQUIRED, DATABASE);
    settings.remove(setting);
    return settings;
  }

  private static ConfigurableApplicationContext start(Map<String, String> settings) {
    String[] args =
        with(QUIET, settings).entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(SuishenApplication.class)
        .initializers(
            context ->
                context
                    .getBeanFactory()
                    .registerSingleton("productionClassesOnly", new ProductionClassesOnly()))
        .run(args);
  }

  /** The messages of the failure and all its causes, in one text. */
  private static String refusal(Map<String, String> settings) {
    Throwable failure = catchThrowable(() -> start(settings).close());
    assertThat(failure).as("the start is refused").isNotNull();
    var text = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      text.append(t.getMessage()).append('\n');
    }
    return text.toString();
  }

  @Test
  void withoutADeviceTokenKeyTheStartRefuses() {
    assertThat(refusal(without("suishen.accounts.device-tokens.key")))
        .contains("suishen.accounts.device-tokens.key")
        .contains("SUISHEN_DEVICE_TOKEN_KEY");
  }

  @Test
  void withoutAnSmsAdapterTheStartRefuses() {
    assertThat(refusal(without("suishen.citizen.sms.adapter")))
        .contains("suishen.citizen.sms.adapter")
        .contains("SUISHEN_SMS_ADAPTER");
  }

  @Test
  void withTheWebhookAdapterButNoGatewayTheStartRefuses() {
    assertThat(refusal(without("suishen.citizen.sms.webhook.url")))
        .contains("suishen.citizen.sms.webhook.url");
    assertThat(refusal(without("suishen.citizen.sms.webhook.token")))
        .contains("suishen.citizen.sms.webhook.token")
        .contains("SUISHEN_SMS_WEBHOOK_TOKEN");
  }

  @Test
  void withoutTheOneTimeCodeSecretTheStartRefuses() {
    assertThat(refusal(without("suishen.citizen.otp.hash-secret")))
        .contains("suishen.citizen.otp.hash-secret")
        .contains("SUISHEN_OTP_SECRET");
  }

  @Test
  void withoutAnIdentityVerifierTheStartRefuses() {
    assertThat(refusal(without("suishen.citizen.identity.verifier")))
        .contains("suishen.citizen.identity.verifier")
        .contains("SUISHEN_IDENTITY_VERIFIER");
  }

  @Test
  void withoutACarrierCheckTheStartRefuses() {
    assertThat(refusal(without("suishen.citizen.identity.carrier")))
        .contains("suishen.citizen.identity.carrier")
        .contains("SUISHEN_IDENTITY_CARRIER");
  }

  @Test
  void withoutTheHealthCodeMasterKeyTheStartRefuses() {
    assertThat(refusal(without("suishen.healthcode.master-key")))
        .contains("suishen.healthcode.master-key")
        .contains("SUISHEN_HEALTHCODE_MASTER_KEY");
  }

  @Test
  void withoutAnAuditAnchorTheStartRefuses() {
    assertThat(refusal(without("suishen.audit.anchor.adapter")))
        .contains("suishen.audit.anchor.adapter")
        .contains("SUISHEN_AUDIT_ANCHOR");
  }

  @Test
  void withoutAnEmbeddedDatabaseSettingTheConfiguredDatabaseIsUsed() {
    var settings = without("suishen.database.embedded.enabled");
    settings.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/suishen");
    settings.put("spring.datasource.hikari.connection-timeout", "250");
    assertThat(refusal(settings)).contains("127.0.0.1:1");
  }

  @Test
  void theStartWithEverySettingServesNoDeveloperPageAndKeepsMigrationsInOrder() throws Exception {
    assertThat(get("/dev/sms", Map.of()).statusCode()).isEqualTo(404);
    assertThat(
            running.getBeanNamesForType(Class.forName("org.suishen.citizen.internal.DevSmsOutbox")))
        .isEmpty();
    assertThat(get("/actuator/health", Map.of()).statusCode()).isEqualTo(200);
    assertThat(get("/actuator/prometheus", Map.of()).statusCode()).isEqualTo(401);
    assertThat(running.getBean(Flyway.class).getConfiguration().isOutOfOrder()).isFalse();
  }

  @Test
  void withoutTrustedProxiesAForwardedClientAddressIsIgnored() throws Exception {
    var jdbc = running.getBean(JdbcClient.class);
    jdbc.sql("DELETE FROM login_throttle").update();
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("nobody.here:wrong-password".getBytes(StandardCharsets.UTF_8));
    var refused =
        get("/api/accounts/me", Map.of("Authorization", basic, "X-Forwarded-For", "203.0.113.77"));
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(
            jdbc.sql("SELECT address FROM login_throttle WHERE scope = 'ADDRESS'")
                .query(String.class)
                .list())
        .containsExactly("127.0.0.1");
  }

  private static HttpResponse<String> get(String path, Map<String, String> headers)
      throws IOException, InterruptedException {
    int port = ((WebServerApplicationContext) running).getWebServer().getPort();
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    headers.forEach(request::header);
    try (var http = HttpClient.newHttpClient()) {
      return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  /** Leaves the test classes (test configurations, benchmarks) out of the component scan. */
  static final class ProductionClassesOnly extends TypeExcludeFilter {
    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
      return reader.getResource().getURL().toString().contains("/test-classes/");
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof ProductionClassesOnly;
    }

    @Override
    public int hashCode() {
      return ProductionClassesOnly.class.hashCode();
    }
  }
}
