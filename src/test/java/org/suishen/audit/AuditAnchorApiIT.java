package org.suishen.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suishen.accounts.StaffClient.ADMIN;
import static org.suishen.accounts.StaffClient.ADMIN_PASSWORD;
import static org.suishen.accounts.StaffClient.uniqueLogin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.accounts.StaffClient;
import org.suishen.audit.internal.AuditSealer;
import org.suishen.audit.internal.ScheduledVerification;
import org.suishen.shared.security.Actor;
import org.suishen.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class AuditAnchorApiIT {

  private static final String AUDITOR_PASSWORD = "Auditor-Anchor-2026";

  @LocalServerPort int port;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired AuditTrail trail;
  @Autowired AuditSealer sealer;
  @Autowired ScheduledVerification verification;

  StaffClient client;
  String auditor;

  @BeforeEach
  void auditor() {
    client = new StaffClient(port, json);
    auditor = uniqueLogin("it.anchor");
    client.createStaff(auditor, AUDITOR_PASSWORD, "AUDITOR");
  }

  /** Records an entry, seals and verifies: returns the newly anchored head. */
  private AnchoredHead anchoredHead() {
    trail.record(
        AuditEvent.of(Actor.staff("anchor.tester"), "test.anchor.api", UUID.randomUUID(), "r"));
    sealer.seal(true);
    ScheduledVerification.Run run = verification.run(true);
    assertThat(run.anchored()).isNotNull();
    return run.anchored();
  }

  private StaffClient.Response checkText(String line, String login, String password)
      throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/audit/anchors/check"))
                    .header(
                        "Authorization",
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString(
                                    (login + ":" + password).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "text/plain; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(line))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return new StaffClient.Response(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        null,
        response.body(),
        response.headers().firstValue("Retry-After").orElse(null),
        json);
  }

  @Test
  void anAnchoredHeadIsListedAndFoundInTheChain() throws Exception {
    AnchoredHead head = anchoredHead();

    var anchors = client.get("/api/audit/anchors", auditor, AUDITOR_PASSWORD);
    assertThat(anchors.status()).isEqualTo(200);
    JsonNode newest = anchors.json().get("anchors").get(0);
    assertThat(newest.get("seq").asLong()).isEqualTo(head.seq());
    assertThat(newest.get("hash").asString()).isEqualTo(head.hash());
    assertThat(newest.get("line").asString()).isEqualTo(head.line());
    assertThat(newest.get("anchoredTo").asString()).startsWith("file:");

    var checkpoints = client.get("/api/audit/checkpoints", auditor, AUDITOR_PASSWORD);
    assertThat(checkpoints.json().get("checkpoints").get(0).get("status").asString())
        .isEqualTo("VERIFIED");

    var check =
        client.post(
            "/api/audit/anchors/check", auditor, AUDITOR_PASSWORD, Map.of("line", head.line()));
    assertThat(check.status()).isEqualTo(200);
    assertThat(check.json().get("outcome").asString()).isEqualTo("MATCHES");
    assertThat(check.json().get("matches").asBoolean()).isTrue();
    assertThat(check.json().get("storedHash").asString()).isEqualTo(head.hash());
    assertThat(check.json().get("verifiedThrough").asLong()).isGreaterThanOrEqualTo(head.seq());

    var plain = checkText(head.line() + "\n", auditor, AUDITOR_PASSWORD);
    assertThat(plain.status()).isEqualTo(200);
    assertThat(plain.json().get("outcome").asString()).isEqualTo("MATCHES");

    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'audit.anchor.checked'"
                        + " AND actor = ?")
                .param("staff:" + auditor)
                .query(Long.class)
                .single())
        .as("each check is recorded")
        .isEqualTo(2);
  }

  @Test
  void aHeadTheDatabaseNoLongerHoldsIsReported() {
    AnchoredHead head = anchoredHead();
    String otherHash =
        head.hash().startsWith("0")
            ? "1" + head.hash().substring(1)
            : "0" + head.hash().substring(1);
    var different =
        client.post(
            "/api/audit/anchors/check",
            auditor,
            AUDITOR_PASSWORD,
            Map.of("line", new AnchoredHead(head.seq(), otherHash, null).line()));
    assertThat(different.json().get("outcome").asString()).isEqualTo("DIFFERENT_HASH");
    assertThat(different.json().get("matches").asBoolean()).isFalse();

    var beyond =
        client.post(
            "/api/audit/anchors/check",
            auditor,
            AUDITOR_PASSWORD,
            Map.of(
                "line", new AnchoredHead(head.seq() + 1_000_000_000L, head.hash(), null).line()));
    assertThat(beyond.json().get("outcome").asString()).isEqualTo("BEYOND_HEAD");
  }

  @Test
  void aLineThatIsNotAnAnchorIsRefused() throws Exception {
    var bad =
        client.post(
            "/api/audit/anchors/check", auditor, AUDITOR_PASSWORD, Map.of("line", "seq=1 hash=x"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.code()).isEqualTo("audit.anchor.line-invalid");
    assertThat(bad.json().get("messageEn").asString()).contains("suishen-audit-anchor v1");
    assertThat(client.post("/api/audit/anchors/check", auditor, AUDITOR_PASSWORD, Map.of()).code())
        .isEqualTo("audit.anchor.line-invalid");
    assertThat(checkText("", auditor, AUDITOR_PASSWORD).status()).isEqualTo(400);
    assertThat(client.get("/api/audit/anchors?page=x", auditor, AUDITOR_PASSWORD).code())
        .isEqualTo("audit.search.page-invalid");
  }

  @Test
  void onlyAuditorsAndAdministratorsMayUseTheAnchors() throws Exception {
    for (String path : new String[] {"/api/audit/anchors", "/api/audit/checkpoints"}) {
      var anonymous = client.getAnonymous(path);
      assertThat(anonymous.status()).isEqualTo(401);
      assertThat(anonymous.code()).isEqualTo("auth.required");
    }
    var wrongPassword = checkText("x", auditor, "not-the-password");
    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(wrongPassword.code()).isEqualTo("auth.required");

    String clerk = uniqueLogin("it.clerk");
    client.createStaff(clerk, "Clerk-Password-1", "VENUE_STAFF", "HEALTH_AUTHORITY");
    var forbidden = client.get("/api/audit/anchors", clerk, "Clerk-Password-1");
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.code()).isEqualTo("auth.forbidden");
    assertThat(client.get("/api/audit/checkpoints", clerk, "Clerk-Password-1").code())
        .isEqualTo("auth.forbidden");
    var forbiddenCheck =
        client.post("/api/audit/anchors/check", clerk, "Clerk-Password-1", Map.of("line", "x"));
    assertThat(forbiddenCheck.status()).isEqualTo(403);
    assertThat(forbiddenCheck.code()).isEqualTo("auth.forbidden");

    assertThat(client.get("/api/audit/anchors", ADMIN, ADMIN_PASSWORD).status()).isEqualTo(200);
  }
}
