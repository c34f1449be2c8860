package org.suishen.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
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
import org.suishen.sampling.internal.TubeBarcode;
import org.suishen.support.MutableClock;
import org.suishen.support.TestStaffAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The upload of registrations queued offline (POST /api/sampling/registrations/batch): every item
 * on its own (a refused one takes none of the others with it), every refusal listed with its code
 * and both messages, a batch sent again records nothing twice, and an oversized or empty batch is
 * refused whole without writing anything.
 */
@HealthCodeIntegrationTest
class RegistrationBatchIT {

  private static final AtomicLong SERIAL =
      new AtomicLong(50_000_000_000L + System.nanoTime() % 10_000_000_000L);

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired MutableClock clock;

  NatFixtures fixtures;

  @BeforeEach
  void siteWithTheSamplerAndTheTerminal() throws Exception {
    fixtures = new NatFixtures(jdbc, clock, mvc, json);
    String site = "BT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    postJson(
            "/api/sampling/sites",
            SamplingIT.authority(),
            Map.of(
                "code", site,
                "name", "康健街道采样点",
                "address", "徐汇区康健路 1 号",
                "district", "徐汇区",
                "street", "康健新村街道",
                "community", "康健居委会"))
        .andExpect(status().isCreated());
    for (String login : List.of(TestStaffAccounts.SAMPLER, TestStaffAccounts.SAMPLING_TERMINAL)) {
      postJson(
              "/api/sampling/sites/" + site + "/assignments",
              SamplingIT.authority(),
              Map.of("login", login))
          .andExpect(status().isOk());
    }
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  String openTube(int capacity, RequestPostProcessor who) throws Exception {
    String barcode = TubeBarcode.of(SERIAL.incrementAndGet()).value();
    postJson("/api/sampling/tubes", who, Map.of("barcode", barcode, "capacity", capacity))
        .andExpect(status().isCreated());
    return barcode;
  }

  static Map<String, Object> item(String tube, Map<String, Object> credential) {
    var item = new HashMap<String, Object>(credential);
    item.put("tubeBarcode", tube);
    item.putIfAbsent("idempotencyKey", "web-it:" + UUID.randomUUID());
    return item;
  }

  static Map<String, Object> typed(Resident person, String name) {
    return Map.of(
        "credentialKind",
        "TYPED_NUMBER",
        "documentType",
        "RESIDENT_ID",
        "documentNumber",
        person.documentNumber(),
        "name",
        name);
  }

  ResultActions upload(List<Map<String, Object>> items, RequestPostProcessor who) throws Exception {
    return postJson("/api/sampling/registrations/batch", who, Map.of("registrations", items));
  }

  ResultActions postJson(String path, RequestPostProcessor who, Object body) throws Exception {
    return mvc.perform(
        post(path)
            .with(who)
            .contentType(MediaType.APPLICATION_JSON)
            .param("lang", "en")
            .content(json.writeValueAsString(body)));
  }

  JsonNode read(ResultActions result) throws Exception {
    return json.readTree(result.andReturn().getResponse().getContentAsString());
  }

  long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  long registrationsIn(String tube) {
    return count("SELECT count(*) FROM sampling_registration WHERE tube_barcode = ?", tube);
  }

  long allRegistrations() {
    return count("SELECT count(*) FROM sampling_registration");
  }

  long audits() {
    return count("SELECT count(*) FROM audit_event WHERE action = 'sampling.person.registered'");
  }

  /**
   * A live code checked by the page while offline is judged at the moment it was checked: its
   * minute is long over at upload, yet it registers; the same code sent now, or claimed to have
   * been checked after its minute, is expired.
   */
  @Test
  void aLiveCodeQueuedOfflineIsJudgedAtTheMomentItWasChecked() throws Exception {
    var person = fixtures.resident("冯晓梅", 36, null);
    var late = fixtures.resident("曹永刚", 61, null);
    String tube = openTube(10, NatFixtures.sampler());
    Instant shown = clock.instant();
    String live = fixtures.liveCode(person);
    String lateLive = fixtures.liveCode(late);
    clock.advance(Duration.ofMinutes(20));

    var checkedThen =
        new HashMap<String, Object>(item(tube, Map.of("credentialKind", "CODE", "payload", live)));
    checkedThen.put("registeredAt", shown.plusSeconds(10).toString());
    var checkedTooLate =
        new HashMap<String, Object>(
            item(tube, Map.of("credentialKind", "CODE", "payload", lateLive)));
    checkedTooLate.put("registeredAt", shown.plus(Duration.ofMinutes(10)).toString());
    JsonNode answer =
        read(
            upload(List.of(checkedThen, checkedTooLate), NatFixtures.sampler())
                .andExpect(status().isOk()));

    JsonNode results = answer.get("registrations");
    assertThat(results.get(0).get("outcome").asString()).isEqualTo("REGISTERED");
    assertThat(results.get(0).get("registration").get("credential").asString()).isEqualTo("LIVE");
    assertThat(results.get(1).get("problem").get("code").asString())
        .isEqualTo("sampling.code.expired");
    // sent now, without the moment it was checked: a screenshot, expired
    var now =
        new HashMap<String, Object>(
            item(tube, Map.of("credentialKind", "CODE", "payload", lateLive)));
    assertThat(
            read(upload(List.of(now), NatFixtures.sampler()).andExpect(status().isOk()))
                .get("registrations")
                .get(0)
                .get("problem")
                .get("code")
                .asString())
        .isEqualTo("sampling.code.expired");
    assertThat(registrationsIn(tube)).isEqualTo(1);
  }

  @Test
  void goodAndBadItemsEachGoTheirOwnWayAndEveryRefusalIsListed() throws Exception {
    var nat = fixtures.resident("陈志强", 45, null);
    var wrongName = fixtures.resident("孙建国", 52, null);
    var typed = fixtures.resident("赵丽华", 70, null);
    var offline = fixtures.resident("周晓燕", 28, null);
    String tube = openTube(10, NatFixtures.sampler());
    String natCode = fixtures.generate(nat);
    Instant takenOffline = clock.instant().minus(Duration.ofMinutes(10));
    var offlineItem = new HashMap<String, Object>(item(tube, typed(offline, "周晓燕")));
    offlineItem.put("registeredAt", takenOffline.toString());
    List<Map<String, Object>> items =
        List.of(
            item(tube, Map.of("credentialKind", "CODE", "payload", natCode)),
            item(tube, typed(wrongName, "孙建华")),
            item(tube, typed(typed, "赵丽华")),
            item(tube, Map.of("credentialKind", "FACE")),
            item(TubeBarcode.of(SERIAL.incrementAndGet()).value(), typed(wrongName, "孙建国")),
            item(tube, Map.of("credentialKind", "CODE", "payload", "SSC:not-a-code")),
            // the same person twice in the tube: the second is refused, the first stays
            item(tube, typed(typed, "赵丽华")),
            offlineItem);
    long before = allRegistrations();
    long auditsBefore = audits();

    JsonNode answer = read(upload(items, NatFixtures.sampler()).andExpect(status().isOk()));

    assertThat(answer.get("registered").asInt()).isEqualTo(3);
    assertThat(answer.get("refused").asInt()).isEqualTo(5);
    assertThat(answer.get("serverTime").asString()).isEqualTo(clock.instant().toString());
    JsonNode results = answer.get("registrations");
    assertThat(results.size()).isEqualTo(items.size());
    List<String> outcomes = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      JsonNode result = results.get(i);
      assertThat(result.get("index").asInt()).isEqualTo(i);
      assertThat(result.get("idempotencyKey").asString())
          .isEqualTo(items.get(i).get("idempotencyKey"));
      outcomes.add(result.get("outcome").asString());
      codes.add(
          result.get("outcome").asString().equals("REFUSED")
              ? result.get("problem").get("code").asString()
              : "");
    }
    assertThat(outcomes)
        .containsExactly(
            "REGISTERED",
            "REFUSED",
            "REGISTERED",
            "REFUSED",
            "REFUSED",
            "REFUSED",
            "REFUSED",
            "REGISTERED");
    assertThat(codes)
        .containsExactly(
            "",
            "sampling.document.not-matched",
            "",
            "sampling.credential.kind-invalid",
            "sampling.tube.unknown",
            "sampling.code.invalid",
            "sampling.person.in-this-tube",
            "");
    // every refusal: its status and the message in both languages, detail in the caller's
    JsonNode notMatched = results.get(1).get("problem");
    assertThat(notMatched.get("status").asInt()).isEqualTo(422);
    assertThat(notMatched.get("messageZh").asString()).contains("证件号码与姓名不匹配");
    assertThat(notMatched.get("messageEn").asString()).contains("do not match");
    assertThat(notMatched.get("detail").asString())
        .isEqualTo(notMatched.get("messageEn").asString());
    assertThat(results.get(6).get("problem").get("messageEn").asString()).contains("赵*华");
    assertThat(results.get(4).get("problem").get("status").asInt()).isEqualTo(404);
    assertThat(results.get(1).get("registration").isNull()).isTrue();
    // a registration as the single endpoint answers it, the fill counted on
    JsonNode first = results.get(0).get("registration");
    assertThat(first.get("credential").asString()).isEqualTo("NAT");
    assertThat(first.get("maskedName").asString()).isEqualTo("陈*强");
    assertThat(first.get("members").asInt()).isEqualTo(1);
    assertThat(first.get("tubeBarcode").asString()).isEqualTo(tube);
    JsonNode last = results.get(7).get("registration");
    assertThat(last.get("members").asInt()).isEqualTo(3);
    assertThat(Instant.parse(last.get("registeredAt").asString())).isEqualTo(takenOffline);

    // written: the three, nothing for the refused (a refused item rolled back nothing else)
    assertThat(allRegistrations()).isEqualTo(before + 3);
    assertThat(registrationsIn(tube)).isEqualTo(3);
    assertThat(audits()).isEqualTo(auditsBefore + 3);
    assertThat(
            count("SELECT count(*) FROM sampling_registration WHERE person_id = ?", wrongName.id()))
        .isZero();
    assertThat(count("SELECT count(*) FROM open_tube_member WHERE tube_barcode = ?", tube))
        .isEqualTo(3);
    assertThat(
            jdbc.sql("SELECT registered_at FROM sampling_registration WHERE person_id = ?")
                .param(offline.id())
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant())
        .isEqualTo(takenOffline);
    mvc.perform(get("/api/sampling/tubes/" + tube).with(NatFixtures.sampler()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.members").value(3))
        .andExpect(jsonPath("$.sealed").value(false));
  }

  @Test
  void aBatchSentAgainAnswersAsTheFirstTimeAndRecordsNothingTwice() throws Exception {
    var one = fixtures.resident("吴海波", 40, null);
    var two = fixtures.resident("郑楷", 33, null);
    var refused = fixtures.resident("钱文静", 26, null);
    String tube = openTube(5, NatFixtures.samplingTerminal());
    List<Map<String, Object>> items =
        List.of(
            item(tube, typed(one, "吴海波")),
            item(tube, typed(refused, "钱文斌")),
            item(tube, typed(two, "郑楷")));

    JsonNode first = read(upload(items, NatFixtures.samplingTerminal()).andExpect(status().isOk()));
    long written = allRegistrations();
    long audited = audits();
    // the answer was lost: the device sends the same batch again, and once more
    JsonNode again = read(upload(items, NatFixtures.samplingTerminal()).andExpect(status().isOk()));
    read(upload(items, NatFixtures.samplingTerminal()).andExpect(status().isOk()));

    assertThat(allRegistrations()).isEqualTo(written);
    assertThat(audits()).isEqualTo(audited);
    assertThat(registrationsIn(tube)).isEqualTo(2);
    for (int i : new int[] {0, 2}) {
      assertThat(again.get("registrations").get(i).get("registration").get("registrationId"))
          .isEqualTo(first.get("registrations").get(i).get("registration").get("registrationId"));
    }
    assertThat(again.get("registered").asInt()).isEqualTo(2);
    assertThat(again.get("registrations").get(1).get("problem").get("code").asString())
        .isEqualTo("sampling.document.not-matched");
    // the terminal's keys are its own: the sampler sending the same keys registers nobody twice
    // either (the people are in the open tube already)
    JsonNode other = read(upload(items, NatFixtures.sampler()).andExpect(status().isOk()));
    assertThat(other.get("registered").asInt()).isZero();
    assertThat(registrationsIn(tube)).isEqualTo(2);
    assertThat(
            jdbc.sql("SELECT DISTINCT terminal FROM sampling_registration WHERE tube_barcode = ?")
                .param(tube)
                .query(String.class)
                .list())
        .containsExactly(TestStaffAccounts.SAMPLING_TERMINAL);
  }

  @Test
  void aTubeFilledByTheBatchIsSealedAndTakesNobodyAfter() throws Exception {
    String tube = openTube(5, NatFixtures.sampler());
    List<Map<String, Object>> items = new ArrayList<>();
    for (String name : List.of("刘一", "刘二", "刘三", "刘四", "刘五", "刘六")) {
      items.add(item(tube, typed(fixtures.resident(name, 30, null), name)));
    }

    JsonNode answer = read(upload(items, NatFixtures.sampler()).andExpect(status().isOk()));

    JsonNode results = answer.get("registrations");
    assertThat(results.get(4).get("registration").get("sealed").asBoolean()).isTrue();
    assertThat(results.get(4).get("registration").get("members").asInt()).isEqualTo(5);
    assertThat(results.get(5).get("problem").get("code").asString())
        .isEqualTo("sampling.tube.sealed");
    assertThat(registrationsIn(tube)).isEqualTo(5);
  }

  @Test
  void anEmptyOrOversizedBatchIsRefusedWholeAndWritesNothing() throws Exception {
    String tube = openTube(20, NatFixtures.sampler());
    var person = fixtures.resident("王小明", 30, null);
    List<Map<String, Object>> many = new ArrayList<>();
    many.add(item(tube, typed(person, "王小明")));
    for (int i = 0; i < 200; i++) {
      many.add(item(tube, Map.of("credentialKind", "CODE", "payload", "x")));
    }
    long before = allRegistrations();

    upload(many, NatFixtures.sampler())
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("sampling.batch.too-large"))
        .andExpect(jsonPath("$.messageEn").value(org.hamcrest.Matchers.containsString("200")));
    upload(List.of(), NatFixtures.sampler())
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("sampling.batch.empty"));
    postJson("/api/sampling/registrations/batch", NatFixtures.sampler(), Map.of())
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("sampling.batch.empty"));
    mvc.perform(
            post("/api/sampling/registrations/batch")
                .with(NatFixtures.sampler())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"registrations\": [ {\"tubeBarcode\": "))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("request.malformed"));
    // a null item is that item's refusal, not the batch's
    mvc.perform(
            post("/api/sampling/registrations/batch")
                .with(NatFixtures.sampler())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"registrations\": [null]}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.registrations[0].outcome").value("REFUSED"))
        .andExpect(
            jsonPath("$.registrations[0].problem.code").value("sampling.credential.kind-invalid"));
    // only samplers and terminals upload
    upload(List.of(item(tube, typed(person, "王小明"))), NatFixtures.venueStaff())
        .andExpect(status().isForbidden());
    assertThat(allRegistrations()).isEqualTo(before);
  }
}
