package org.suishen.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suishen.accounts.StaffClient.ADMIN;
import static org.suishen.accounts.StaffClient.ADMIN_PASSWORD;
import static org.suishen.accounts.StaffClient.uniqueLogin;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.accounts.StaffClient;
import org.suishen.shared.security.Actor;
import org.suishen.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class AuditApiIT {

  private static final String AUDITOR_PASSWORD = "Auditor-Pass-2026";

  @LocalServerPort int port;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired AuditTrail trail;

  StaffClient client;
  String auditor;

  @BeforeEach
  void auditor() {
    client = new StaffClient(port, json);
    auditor = uniqueLogin("it.audit");
    client.createStaff(auditor, AUDITOR_PASSWORD, "AUDITOR");
  }

  private void recordFor(UUID person, String action, int count) {
    for (int i = 0; i < count; i++) {
      trail.record(
          new AuditEvent(Actor.staff("venue.clerk"), action, person, "scan at gate", "n=" + i));
    }
  }

  private static List<String> details(JsonNode page) {
    return page.get("entries").valueStream().map(e -> e.get("detail").asString()).toList();
  }

  @Test
  void theTrailNeedsTheAuditorOrAdministratorRole() {
    var anonymous = client.getAnonymous("/api/audit/events?subject=" + UUID.randomUUID());
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.code()).isEqualTo("auth.required");
    assertThat(client.getAnonymous("/api/audit/verify").status()).isEqualTo(401);

    String clerk = uniqueLogin("it.clerk");
    client.createStaff(clerk, "Clerk-Password-1", "VENUE_STAFF", "APPEAL_REVIEWER");
    var forbidden = client.get("/api/audit/events", clerk, "Clerk-Password-1");
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.code()).isEqualTo("auth.forbidden");
    assertThat(client.get("/api/audit/verify", clerk, "Clerk-Password-1").code())
        .isEqualTo("auth.forbidden");

    assertThat(client.get("/api/audit/events?action=accounts.*", ADMIN, ADMIN_PASSWORD).status())
        .isEqualTo(200);
  }

  @Test
  void anAuditorFindsAPersonsEntriesNewestFirstPageByPageAndTheReadingIsRecorded() {
    UUID person = UUID.randomUUID();
    recordFor(person, "venues.scan.read", 55);

    var first = client.get("/api/audit/events?subject=" + person, auditor, AUDITOR_PASSWORD);
    assertThat(first.status()).isEqualTo(200);
    JsonNode page = first.json();
    assertThat(page.get("entries")).hasSize(50);
    assertThat(details(page).getFirst()).isEqualTo("n=54");
    assertThat(details(page).getLast()).isEqualTo("n=5");
    JsonNode entry = page.get("entries").get(0);
    assertThat(entry.get("actor").asString()).isEqualTo("staff:venue.clerk");
    assertThat(entry.get("subject").asString()).isEqualTo(person.toString());
    assertThat(entry.get("action").asString()).isEqualTo("venues.scan.read");

    var second =
        client.get(
            "/api/audit/events?subject=" + person + "&page=" + page.get("next").asString(),
            auditor,
            AUDITOR_PASSWORD);
    assertThat(details(second.json())).containsExactly("n=4", "n=3", "n=2", "n=1", "n=0");
    assertThat(second.json().get("next").isNull()).isTrue();

    List<String> reads =
        jdbc.sql(
                "SELECT actor FROM audit_event WHERE action = 'audit.events.searched' AND subject = ?")
            .param(person)
            .query(String.class)
            .list();
    assertThat(reads).containsExactly("staff:" + auditor, "staff:" + auditor);

    var filtered =
        client.get(
            "/api/audit/events?subject=" + person + "&action=audit.*&actor=staff:" + auditor,
            auditor,
            AUDITOR_PASSWORD);
    assertThat(filtered.json().get("entries").valueStream().map(e -> e.get("action").asString()))
        .containsOnly("audit.events.searched")
        .hasSize(2);
  }

  @Test
  void badSearchInputIsRefusedWithStableCodes() {
    var bad = client.get("/api/audit/events?subject=someone", auditor, AUDITOR_PASSWORD);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.code()).isEqualTo("audit.search.subject-invalid");
    assertThat(client.get("/api/audit/events?from=soon", auditor, AUDITOR_PASSWORD).code())
        .isEqualTo("audit.search.time-invalid");
    assertThat(client.get("/api/audit/events?page=x", auditor, AUDITOR_PASSWORD).code())
        .isEqualTo("audit.search.page-invalid");
  }

  @Test
  void verifyingReportsAnIntactChainAndIsRecorded() {
    recordFor(UUID.randomUUID(), "venues.scan.read", 2);
    var verified = client.get("/api/audit/verify", auditor, AUDITOR_PASSWORD);
    assertThat(verified.status()).isEqualTo(200);
    JsonNode report = verified.json();
    assertThat(report.get("intact").asBoolean()).isTrue();
    assertThat(report.get("complete").asBoolean()).isTrue();
    assertThat(report.get("broken").isNull()).isTrue();
    assertThat(report.get("verified").asLong()).isEqualTo(report.get("headSeq").asLong());
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'audit.chain.verified'"
                        + " AND actor = ?")
                .param("staff:" + auditor)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }
}
