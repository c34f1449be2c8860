package org.suishen.offlinecode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.natcode.NatFixtures;
import org.suishen.natcode.NatFixtures.Resident;
import org.suishen.status.StatusFacts;
import org.suishen.status.TestOutcome;
import org.suishen.status.TestResultFact;
import org.suishen.support.MutableClock;
import org.suishen.support.TestStaffAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The kiosk (O3-O7, seed 003) and the staff check of the paper code (O9-O11) through their APIs:
 * the three log-ins and what each refuses, the confirm step, the operations in a session, the
 * session's end (sign-out, idle, another kiosk), and what a venue staff member sees on a scan.
 */
@HealthCodeIntegrationTest
class KioskIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired MutableClock clock;
  @Autowired StatusFacts facts;

  NatFixtures people;

  @BeforeEach
  void fixtures() {
    people = new NatFixtures(jdbc, clock, mvc, json);
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  static RequestPostProcessor kiosk() {
    return httpBasic(TestStaffAccounts.KIOSK, TestStaffAccounts.PASSWORD);
  }

  static RequestPostProcessor bankKiosk() {
    return httpBasic(TestStaffAccounts.BANK_KIOSK, TestStaffAccounts.PASSWORD);
  }

  ResultActions logIn(RequestPostProcessor device, Map<String, @Nullable String> body)
      throws Exception {
    return mvc.perform(
        post("/api/kiosk/sessions")
            .with(device)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(body)));
  }

  ResultActions card(RequestPostProcessor device, String number, String name) throws Exception {
    var body = new LinkedHashMap<String, @Nullable String>();
    body.put("method", "ID_CARD");
    body.put("documentType", "RESIDENT_ID");
    body.put("documentNumber", number);
    body.put("name", name);
    return logIn(device, body);
  }

  ResultActions code(String method, String payload) throws Exception {
    return logIn(kiosk(), Map.of("method", method, "payload", payload));
  }

  ResultActions call(String method, String path, RequestPostProcessor device) throws Exception {
    var request =
        switch (method) {
          case "GET" -> get("/api/kiosk/sessions/" + path);
          case "DELETE" -> delete("/api/kiosk/sessions/" + path);
          default -> post("/api/kiosk/sessions/" + path);
        };
    return mvc.perform(request.with(device).param("lang", "en"));
  }

  JsonNode read(ResultActions result) throws Exception {
    return json.readTree(result.andReturn().getResponse().getContentAsString());
  }

  String session(Resident who) throws Exception {
    String id =
        read(card(kiosk(), who.documentNumber(), who.name()).andExpect(status().isCreated()))
            .get("sessionId")
            .asString();
    call("POST", id + "/confirmation", kiosk()).andExpect(status().isOk());
    return id;
  }

  JsonNode check(String payload, RequestPostProcessor staff) throws Exception {
    return read(
        mvc.perform(
                post("/api/scan/offline-code")
                    .with(staff)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(Map.of("payload", payload))))
            .andExpect(status().isOk()));
  }

  long rows(String sql, Object param) {
    return jdbc.sql(sql).param(param).query(Long.class).single();
  }

  @Test
  void anElderSignsInWithTheIdCardConfirmsAppliesAndPrints() throws Exception {
    var elder = people.resident("张秀英", 75, null);
    JsonNode session =
        read(card(kiosk(), elder.documentNumber(), elder.name()).andExpect(status().isCreated()));
    String id = session.get("sessionId").asString();
    assertThat(session.get("maskedName").asString()).isEqualTo("张*英");
    assertThat(session.get("maskedDocumentNumber").asString())
        .doesNotContain(elder.documentNumber());
    assertThat(session.get("confirmed").asBoolean()).isFalse();
    assertThat(session.at("/offlineCode/state").asString()).isEqualTo("NONE");
    mvc.perform(get("/api/kiosk/sessions/" + id + "/photo").with(kiosk()))
        .andExpect(status().isOk());
    // nothing happens before the person checked name and photo (003 step 3)
    call("POST", id + "/offline-code", kiosk())
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("offlinecode.kiosk.not-confirmed"));
    call("POST", id + "/confirmation", kiosk()).andExpect(jsonPath("$.confirmed").value(true));

    JsonNode code =
        read(call("POST", id + "/offline-code", kiosk()).andExpect(status().isCreated()));
    assertThat(code.get("channel").asString()).isEqualTo("KIOSK");
    byte[] pdf =
        mvc.perform(
                get("/api/kiosk/sessions/" + id + "/offline-code.pdf")
                    .param("size", "CARD")
                    .with(kiosk()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    String token = NatFixtures.qrOf(pdf);
    assertThat(token).isEqualTo(code.get("token").asString());
    assertThat(check(token, NatFixtures.venueStaff()).get("state").asString()).isEqualTo("VALID");
    assertThat(
            rows(
                "SELECT count(*) FROM audit_event WHERE action = 'offlinecode.kiosk.signed-in'"
                    + " AND subject = ?",
                elder.id()))
        .isEqualTo(1);
    // a kiosk re-applies nowhere: that is the portal's (a kiosk reissues)
    call("POST", id + "/offline-code/reapplication", kiosk())
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("offlinecode.portal-only"));
    // signed out: the session is gone for good
    call("DELETE", id, kiosk()).andExpect(status().isNoContent());
    call("GET", id, kiosk())
        .andExpect(status().isGone())
        .andExpect(jsonPath("$.code").value("offlinecode.kiosk.session-ended"));
  }

  @Test
  void aCardThatDoesNotMatchTheRegisterIsRefusedAndWritesNothing() throws Exception {
    var elder = people.resident("王建国", 70, null);
    long sessions = rows("SELECT count(*) FROM kiosk_session WHERE person_id = ?", elder.id());
    card(kiosk(), elder.documentNumber(), "王建军")
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.code").value("offlinecode.kiosk.card-mismatch"))
        .andExpect(jsonPath("$.messageZh").isNotEmpty())
        .andExpect(jsonPath("$.messageEn").isNotEmpty());
    card(kiosk(), "", elder.name())
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("offlinecode.kiosk.card-unreadable"));
    card(kiosk(), elder.documentNumber().substring(0, 17) + "?", elder.name())
        .andExpect(status().isBadRequest());
    var nobody = new LinkedHashMap<String, @Nullable String>();
    nobody.put("method", null);
    logIn(kiosk(), nobody)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("offlinecode.kiosk.login-method"));
    mvc.perform(
            post("/api/kiosk/sessions")
                .with(kiosk())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"method\": \"ID_CARD\", "))
        .andExpect(status().isBadRequest());
    assertThat(rows("SELECT count(*) FROM kiosk_session WHERE person_id = ?", elder.id()))
        .isEqualTo(sessions);
    // only kiosks sign people in
    card(NatFixtures.venueStaff(), elder.documentNumber(), elder.name())
        .andExpect(status().isForbidden());
  }

  @Test
  void onlyALiveCodeSignsInAndAProxyCodeActsForTheDependant() throws Exception {
    String household = NatFixtures.household();
    var daughter = people.resident("刘美玲", 40, household);
    var father = people.resident("刘德福", 82, household);
    people.bind(daughter, father);

    JsonNode live =
        read(code("LIVE_CODE", people.liveCode(father)).andExpect(status().isCreated()));
    assertThat(live.get("method").asString()).isEqualTo("LIVE_CODE");
    assertThat(live.get("maskedName").asString()).isEqualTo("刘*福");
    // a NAT code is not a log-in; an old live code (a screenshot) is refused with its reason
    code("LIVE_CODE", people.generate(father))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.code").value("offlinecode.kiosk.code-wrong-type"));
    String old = people.liveCode(father);
    clock.advance(Duration.ofMinutes(10));
    code("LIVE_CODE", old)
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.code").value("offlinecode.kiosk.code-expired"));
    code("LIVE_CODE", "SSC:not-a-code")
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.code").value("offlinecode.kiosk.code-invalid"));

    // the daughter shows her father's proxy code: she acts for him
    JsonNode proxy =
        read(
            code("PROXY_CODE", people.proxyCode(daughter, father)).andExpect(status().isCreated()));
    assertThat(proxy.get("maskedName").asString()).isEqualTo("刘*福");
    assertThat(proxy.get("holderMaskedName").asString()).isEqualTo("刘*玲");
    String id = proxy.get("sessionId").asString();
    // the earlier live-code session of this kiosk was replaced
    call("GET", live.get("sessionId").asString(), kiosk()).andExpect(status().isGone());
    call("POST", id + "/confirmation", kiosk()).andExpect(status().isOk());
    call("POST", id + "/offline-code", kiosk()).andExpect(status().isCreated());
    assertThat(rows("SELECT count(*) FROM offline_credential WHERE person_id = ?", father.id()))
        .isEqualTo(1);
    assertThat(rows("SELECT count(*) FROM offline_credential WHERE person_id = ?", daughter.id()))
        .isZero();
    // a 40-year-old is not eligible, whichever way she signs in
    String own =
        read(code("LIVE_CODE", people.liveCode(daughter)).andExpect(status().isCreated()))
            .get("sessionId")
            .asString();
    call("POST", own + "/confirmation", kiosk()).andExpect(status().isOk());
    call("POST", own + "/offline-code", kiosk())
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.code").value("offlinecode.not-eligible"));
  }

  @Test
  void aSessionEndsWhenIdleAndBelongsToItsKioskOnly() throws Exception {
    var child = people.resident("陈小宝", 8, null);
    String id = session(child);
    // another kiosk cannot use it
    call("GET", id, bankKiosk())
        .andExpect(status().isGone())
        .andExpect(jsonPath("$.code").value("offlinecode.kiosk.session-ended"));
    call("GET", id, kiosk()).andExpect(status().isOk());
    clock.advance(Duration.ofSeconds(91));
    call("POST", id + "/offline-code", kiosk())
        .andExpect(status().isGone())
        .andExpect(jsonPath("$.code").value("offlinecode.kiosk.session-ended"));
    assertThat(
            jdbc.sql("SELECT end_reason FROM kiosk_session WHERE session_id = ?")
                .param(UUID.fromString(id))
                .query(String.class)
                .single())
        .isEqualTo("IDLE");
    assertThat(rows("SELECT count(*) FROM offline_credential WHERE person_id = ?", child.id()))
        .isZero();
  }

  @Test
  void staffSeeTheStateTheColourAndTheLatestNegativeOfAPaperCode() throws Exception {
    var elder = people.resident("赵桂兰", 68, null);
    facts.recordResults(
        List.of(
            new TestResultFact(
                elder.id(),
                clock.instant().minus(Duration.ofHours(10)),
                true,
                TestOutcome.NEGATIVE,
                clock.instant().minus(Duration.ofHours(4)))));
    String id = session(elder);
    String first =
        read(call("POST", id + "/offline-code", kiosk()).andExpect(status().isCreated()))
            .get("token")
            .asString();

    JsonNode valid = check(first, NatFixtures.venueStaff());
    assertThat(valid.get("valid").asBoolean()).isTrue();
    assertThat(valid.get("colour").asString()).isEqualTo("GREEN");
    assertThat(valid.get("maskedName").asString()).isEqualTo("赵*兰");
    assertThat(valid.get("latestNegativeText").asString()).isNotBlank();
    assertThat(valid.get("recentNegative").asBoolean()).isTrue();
    assertThat(valid.get("reminderZh").asString()).contains("身份证");
    assertThat(valid.get("watermark").asString())
        .doesNotContain(TestStaffAccounts.VENUE_STAFF)
        .contains("·");
    assertThat(
            rows(
                "SELECT count(*) FROM audit_event WHERE action = 'offlinecode.checked' AND subject = ?",
                elder.id()))
        .isEqualTo(1);
    // two days on, the negative is no longer recent
    clock.advance(Duration.ofDays(2));
    assertThat(check(first, NatFixtures.sampler()).get("recentNegative").asBoolean()).isFalse();

    // reissued (a new day): the first print is void, the new one valid
    String again = session(elder);
    String second =
        read(call("POST", again + "/offline-code/reissue", kiosk()).andExpect(status().isCreated()))
            .get("token")
            .asString();
    JsonNode voided = check(first, NatFixtures.venueStaff());
    assertThat(voided.get("state").asString()).isEqualTo("VOID");
    assertThat(voided.get("valid").asBoolean()).isFalse();
    assertThat(voided.get("maskedName").isNull()).isTrue();
    assertThat(check(second, NatFixtures.venueStaff()).get("state").asString()).isEqualTo("VALID");
    // the same day, no second reissue
    call("POST", again + "/offline-code/reissue", kiosk())
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("offlinecode.once-a-day"));
    // forged, truncated and other codes are answers, not errors
    String forged = second.substring(0, second.length() - 2) + (second.endsWith("A") ? "BB" : "AA");
    assertThat(check(forged, NatFixtures.venueStaff()).get("state").asString())
        .isEqualTo("INVALID");
    assertThat(check(second.substring(0, 20), NatFixtures.venueStaff()).get("state").asString())
        .isEqualTo("INVALID");
    assertThat(check(people.liveCode(elder), NatFixtures.venueStaff()).get("state").asString())
        .isEqualTo("INVALID");
    // a sentinel does not check paper codes: that takes a person with the ID card in hand
    mvc.perform(
            post("/api/scan/offline-code")
                .with(httpBasic(TestStaffAccounts.SENTINEL, TestStaffAccounts.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("payload", second))))
        .andExpect(status().isForbidden());
  }
}
