package org.suishen.datatracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.healthcode.HealthCodeFixtures;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.natcode.NatFixtures;
import org.suishen.natcode.NatFixtures.Resident;
import org.suishen.shared.security.Actor;
import org.suishen.support.MutableClock;
import org.suishen.support.TestStaffAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who looked at my data (MISSION X1): reads by staff, devices and the authority of one's own and a
 * bound dependant's data, scans grouped per day, never a staff member's name, whole-day pages, and
 * the reference an auditor follows.
 */
@HealthCodeIntegrationTest
class DataTrackerIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired MutableClock clock;
  @Autowired AuditTrail audit;

  NatFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new NatFixtures(jdbc, clock, mvc, json);
  }

  static RequestPostProcessor staff(String login) {
    return httpBasic(login, TestStaffAccounts.PASSWORD);
  }

  JsonNode tracker(Resident person, String query) throws Exception {
    return fixtures.read(
        mvc.perform(get("/api/me/data-reads" + query).with(NatFixtures.citizen(person)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  void authoritySearches(Resident person) throws Exception {
    mvc.perform(
            post("/api/staff/persons/search")
                .with(staff(TestStaffAccounts.AUTHORITY))
                .with(HealthCodeFixtures.xsrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    json.writeValueAsString(
                        Map.of(
                            "documentType",
                            "RESIDENT_ID",
                            "documentNumber",
                            person.documentNumber(),
                            "reason",
                            "checking a manual change"))))
        .andExpect(status().isOk());
  }

  static List<JsonNode> entries(JsonNode page) {
    List<JsonNode> entries = new ArrayList<>();
    page.get("entries").forEach(entries::add);
    return entries;
  }

  @Test
  void aPersonSeesTheAuthoritysReadAndTheScansOfTheDayButNotTheirOwnActsNorAStaffName()
      throws Exception {
    var person = fixtures.resident("周文华", 41, null);
    String live = fixtures.liveCode(person);
    assertThat(fixtures.scanReason(live, NatFixtures.venueStaff())).isEqualTo("ok");
    clock.advance(Duration.ofMinutes(40));
    assertThat(fixtures.scanReason(fixtures.liveCode(person), NatFixtures.venueStaff()))
        .isEqualTo("ok");
    assertThat(fixtures.scanReason(fixtures.liveCode(person), staff(TestStaffAccounts.SENTINEL)))
        .isEqualTo("ok");
    clock.advance(Duration.ofMinutes(5));
    authoritySearches(person);
    // the person's own act and the system's work are not reads by someone else
    fixtures.generate(person);
    audit.record(
        AuditEvent.of(Actor.system("status-engine"), "status.changed", person.id(), "rule"));

    JsonNode page = tracker(person, "");
    List<JsonNode> entries = entries(page);
    assertThat(entries).hasSize(3);
    assertThat(page.get("next").isNull() || page.get("next").isMissingNode()).isTrue();

    JsonNode read = entries.getFirst();
    assertThat(read.get("kind").asString()).isEqualTo("read");
    assertThat(read.get("action").asString()).isEqualTo("personsearch.person.searched");
    assertThat(read.get("readerKind").asString()).isEqualTo("staff");
    assertThat(read.get("reader").asString()).isEqualTo("卫生健康部门");
    assertThat(read.get("what").asString()).isEqualTo("按证件或姓名查询到此人");
    assertThat(read.get("purpose").asString()).isNotBlank();
    assertThat(read.get("dependant").isNull()).isTrue();
    long reference = read.get("auditEntryId").asLong();

    JsonNode byStaff = find(entries, "staff", "scan");
    assertThat(byStaff.get("count").asLong()).isEqualTo(2);
    assertThat(byStaff.get("reader").asString()).isEqualTo("场所工作人员");
    assertThat(byStaff.get("what").asString()).isEqualTo("扫描了随申码");
    assertThat(byStaff.get("device").isNull()).isTrue();
    assertThat(byStaff.get("auditEntryId").isNull()).isTrue();
    JsonNode bySentinel = find(entries, "device", "scan");
    assertThat(bySentinel.get("count").asLong()).isEqualTo(1);
    assertThat(bySentinel.get("reader").asString()).isEqualTo("数字哨兵");
    assertThat(bySentinel.get("device").asString()).isEqualTo(TestStaffAccounts.SENTINEL);

    String body = page.toString();
    assertThat(body)
        .doesNotContain(TestStaffAccounts.AUTHORITY)
        .doesNotContain("\"" + TestStaffAccounts.VENUE_STAFF + "\"")
        .doesNotContain("natcode.issued")
        .doesNotContain("status.changed");

    // in English
    JsonNode english =
        fixtures.read(
            mvc.perform(
                    get("/api/me/data-reads").with(NatFixtures.citizen(person)).param("lang", "en"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(entries(english).getFirst().get("reader").asString()).isEqualTo("Health authority");

    // an auditor follows the reference to the entry; the citizen cannot
    mvc.perform(get("/api/audit/events/{id}", reference).with(staff(TestStaffAccounts.AUDITOR)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.action").value("personsearch.person.searched"))
        .andExpect(jsonPath("$.subject").value(person.id().toString()))
        .andExpect(jsonPath("$.actor").value("staff:" + TestStaffAccounts.AUTHORITY));
    assertThat(fixtures.audits("audit.entry.read", person.id(), null)).isZero();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'audit.entry.read'"
                        + " AND subject = ? AND actor = ?")
                .param(person.id())
                .param("staff:" + TestStaffAccounts.AUDITOR)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    mvc.perform(get("/api/audit/events/{id}", reference).with(NatFixtures.citizen(person)))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/api/audit/events/{id}", Long.MAX_VALUE).with(staff(TestStaffAccounts.AUDITOR)))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("audit.entry.unknown"));
  }

  static JsonNode find(List<JsonNode> entries, String readerKind, String kind) {
    return entries.stream()
        .filter(e -> e.get("readerKind").asString().equals(readerKind))
        .filter(e -> e.get("kind").asString().equals(kind))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no " + kind + " by " + readerKind + " in " + entries));
  }

  @Test
  void aHolderSeesReadsOfTheirBoundDependantsDataMaskedButNotOfSomeoneElse() throws Exception {
    String household = NatFixtures.household();
    var mother = fixtures.resident("刘美玲", 32, household);
    var child = fixtures.resident("刘子轩", 5, household);
    var stranger = fixtures.resident("陈国平", 50, null);
    fixtures.bind(mother, child);
    authoritySearches(child);
    authoritySearches(stranger);

    List<JsonNode> entries = entries(tracker(mother, ""));
    assertThat(entries).hasSize(1);
    assertThat(entries.getFirst().get("dependant").asString()).isEqualTo("刘*轩");
    assertThat(entries.getFirst().toString()).doesNotContain("刘子轩");
    // the stranger's tracker has their own read only
    assertThat(entries(tracker(stranger, ""))).hasSize(1);
  }

  @Test
  void pagesAreWholeDaysNewestFirstAndTheLastPageHasNoNext() throws Exception {
    var person = fixtures.resident("吴晓梅", 29, null);
    var start = clock.instant();
    int[] perDay = {5, 30, 30, 5}; // four days back to today
    for (int d = 0; d < perDay.length; d++) {
      clock.set(start.minus(Duration.ofDays(perDay.length - 1 - d)));
      for (int i = 0; i < perDay[d]; i++) {
        clock.advance(Duration.ofSeconds(1));
        audit.record(
            AuditEvent.of(
                Actor.staff(TestStaffAccounts.REVIEWER), "appeals.appeal.read", person.id(), "r"));
      }
    }
    clock.set(start.plus(Duration.ofMinutes(5)));

    JsonNode first = tracker(person, "");
    // 50 lines reach into the second-oldest day: that day is shown whole (5 + 30 + 30)
    assertThat(entries(first)).hasSize(65);
    String next = first.get("next").asString();
    assertThat(next)
        .isEqualTo(
            start.minus(Duration.ofDays(2)).atZone(clock.getZone()).toLocalDate().toString());
    List<JsonNode> firstEntries = entries(first);
    for (int i = 1; i < firstEntries.size(); i++) {
      assertThat(firstEntries.get(i - 1).get("at").asString())
          .isGreaterThanOrEqualTo(firstEntries.get(i).get("at").asString());
    }

    JsonNode second = tracker(person, "?before=" + next);
    assertThat(entries(second)).hasSize(5);
    assertThat(second.get("next").isNull() || second.get("next").isMissingNode()).isTrue();
  }

  @Test
  void aBadDayOrAnUnregisteredAccountIsRefused() throws Exception {
    var person = fixtures.resident("郑立新", 45, null);
    mvc.perform(get("/api/me/data-reads?before=yesterday").with(NatFixtures.citizen(person)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("datatracker.before-invalid"));
    mvc.perform(
            get("/api/me/data-reads").with(authentication(HealthCodeFixtures.citizen((UUID) null))))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("citizen.registration.required"));
    mvc.perform(get("/api/me/data-reads").with(staff(TestStaffAccounts.AUDITOR)))
        .andExpect(status().isForbidden());
  }
}
