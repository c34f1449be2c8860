package org.suishen.venues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.suishen.healthcode.HealthCodeFixtures;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.natcode.NatFixtures;
import org.suishen.status.StatusFacts;
import org.suishen.support.MutableClock;
import org.suishen.support.TestStaffAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The door (issue 14): a mall asking green and a 48 h negative decides every credential with its
 * rule; each decision about a person is in the passage log once, whatever the retries; the
 * authority traces with a case; every refusal of bad input is a stable code that writes nothing.
 */
@HealthCodeIntegrationTest
class VenueDoorsIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired MutableClock clock;
  @Autowired StatusFacts facts;

  NatFixtures people;
  DoorFacts door;
  VenueFixtures venues;
  String mall;

  @BeforeEach
  void aMallAskingGreenAndA48HourNegative() throws Exception {
    people = new NatFixtures(jdbc, clock, mvc, json);
    door = new DoorFacts(facts, jdbc, clock, mvc, people);
    venues = new VenueFixtures(mvc, json);
    mall = venues.mallAskingGreenAndA48HourNegative();
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  long passages(String venueId) {
    return jdbc.sql("SELECT count(*) FROM passage WHERE venue_id = ?::uuid")
        .param(venueId)
        .query(Long.class)
        .single();
  }

  JsonNode decide(String token) throws Exception {
    return venues.read(venues.present(VenueFixtures.sentinel(), token).andExpect(status().isOk()));
  }

  ResultActions trace(
      org.springframework.test.web.servlet.request.RequestPostProcessor who,
      String venueId,
      String basis)
      throws Exception {
    var body = new HashMap<String, Object>();
    body.put("venueId", venueId);
    body.put("from", clock.instant().minus(Duration.ofHours(1)).toString());
    body.put("to", clock.instant().plus(Duration.ofHours(1)).toString());
    body.put("legalBasis", basis);
    body.put("caseRef", "PD-2026-0402-017");
    return venues.postJson("/api/authority/traces/venue", who, body);
  }

  @Test
  void theMallDecidesEveryCredentialWithItsRuleAndTheAuthorityTracesThem() throws Exception {
    var recent = people.resident("王建国", 40, null);
    door.negative(recent, Duration.ofHours(24));
    var stale = people.resident("李秀梅", 35, null);
    door.negative(stale, Duration.ofHours(72));
    var exposed = people.resident("赵志强", 30, null);
    door.negative(exposed, Duration.ofHours(20));
    door.yellow(exposed);
    String household = NatFixtures.household();
    var mother = people.resident("陈丽华", 36, household);
    var child = people.resident("陈小宝", 6, household);
    door.negative(child, Duration.ofHours(30));
    people.bind(mother, child);
    var carded = people.resident("周伟", 50, null);
    door.negative(carded, Duration.ofHours(10));
    var elder = people.resident("张秀英", 75, null);
    String paper = door.paperCode(elder);

    JsonNode admitted = decide(people.liveCode(recent));
    assertThat(admitted.get("admitted").asBoolean()).isTrue();
    assertThat(admitted.get("reason").asString()).isEqualTo("admitted");
    assertThat(admitted.get("gate").asString()).isEqualTo("OPEN");
    assertThat(admitted.get("maskedName").asString()).isEqualTo("王*国");
    assertThat(admitted.get("colour").asString()).isEqualTo("GREEN");
    assertThat(admitted.get("latestNegativeText").asString()).isNotBlank();
    assertThat(admitted.get("messageZh").asString()).isEqualTo("请通行");

    JsonNode old = decide(people.liveCode(stale));
    assertThat(old.get("admitted").asBoolean()).isFalse();
    assertThat(old.get("reason").asString()).isEqualTo("no-recent-test");
    assertThat(old.get("gate").asString()).isEqualTo("CLOSED");

    JsonNode yellowCode = decide(people.liveCode(exposed));
    assertThat(yellowCode.get("reason").asString()).isEqualTo("colour-not-admitted");
    assertThat(yellowCode.get("colour").asString()).isEqualTo("YELLOW");

    JsonNode proxy = decide(people.proxyCode(mother, child));
    assertThat(proxy.get("admitted").asBoolean()).isTrue();
    assertThat(proxy.get("credential").asString()).isEqualTo("PROXY");
    assertThat(proxy.get("maskedName").asString()).isEqualTo("陈*宝");
    assertThat(proxy.get("presentedBy").asString()).isEqualTo("陈*华");

    JsonNode card =
        venues.read(
            venues
                .postJson(
                    "/api/sentinel/passages",
                    VenueFixtures.sentinel(),
                    Map.of(
                        "cardNumber",
                        carded.documentNumber(),
                        "cardName",
                        carded.name(),
                        "temperature",
                        "36.5",
                        "key",
                        UUID.randomUUID().toString()))
                .andExpect(status().isOk()));
    assertThat(card.get("admitted").asBoolean()).isTrue();
    assertThat(card.get("credential").asString()).isEqualTo("ID_CARD");

    JsonNode paperAtSentinel = decide(paper);
    assertThat(paperAtSentinel.get("admitted").asBoolean()).isFalse();
    assertThat(paperAtSentinel.get("reason").asString()).isEqualTo("offline-needs-staff-check");
    assertThat(paperAtSentinel.get("messageZh").asString()).contains("身份证");

    // the paper code checked by the staff with the ID card: a staff-check passage, with the rule
    JsonNode staffCheck =
        venues.read(
            venues
                .postJson(
                    "/api/scan/offline-code", VenueFixtures.venueStaff(), Map.of("payload", paper))
                .andExpect(status().isOk()));
    assertThat(staffCheck.get("valid").asBoolean()).isTrue();
    assertThat(staffCheck.get("venueName").asString()).isEqualTo("正大广场");
    assertThat(staffCheck.get("venueAdmitted").asBoolean()).isFalse();
    assertThat(staffCheck.get("venueReason").asString()).isEqualTo("no-recent-test");

    // five at the sentinel about people, one staff check; the paper code at the sentinel named
    // nobody for sure and is not in the log
    assertThat(passages(mall)).isEqualTo(6);
    assertThat(
            jdbc.sql(
                    "SELECT credential || '/' || provenance FROM passage WHERE person_id = ? AND"
                        + " venue_id = ?::uuid")
                .params(child.id(), mall)
                .query(String.class)
                .single())
        .isEqualTo("PROXY/SENTINEL");
    assertThat(
            jdbc.sql("SELECT credential || '/' || provenance FROM passage WHERE person_id = ?")
                .param(elder.id())
                .query(String.class)
                .single())
        .isEqualTo("OFFLINE/STAFF_CHECK");

    JsonNode traced =
        venues.read(
            trace(VenueFixtures.authority(), mall, "《传染病防治法》第十二条 流行病学调查")
                .andExpect(status().isOk()));
    assertThat(traced.get("passages")).hasSize(6);
    assertThat(traced.get("truncated").asBoolean()).isFalse();
    var names = new java.util.ArrayList<String>();
    traced.get("passages").forEach(p -> names.add(p.get("name").asString()));
    assertThat(names).contains("王建国", "李秀梅", "赵志强", "陈小宝", "周伟", "张秀英");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'venues.trace.venue'"
                        + " AND reason LIKE '%PD-2026-0402-017%'")
                .query(Long.class)
                .single())
        .isPositive();

    var csv =
        venues
            .postJson(
                "/api/authority/traces/venue/csv",
                VenueFixtures.authority(),
                Map.of(
                    "venueId",
                    mall,
                    "from",
                    clock.instant().minus(Duration.ofHours(1)).toString(),
                    "to",
                    clock.instant().plus(Duration.ofHours(1)).toString(),
                    "legalBasis",
                    "《传染病防治法》第十二条",
                    "caseRef",
                    "PD-2026-0402-017"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse();
    String text = new String(csv.getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFFpassedAt,").contains("周伟").contains("SENTINEL");
    assertThat(text.lines().count()).isEqualTo(7);

    // the person's own trace finds the mall
    JsonNode where =
        venues.read(
            venues
                .postJson(
                    "/api/authority/traces/person",
                    VenueFixtures.authority(),
                    Map.of(
                        "documentNumber", recent.documentNumber(),
                        "from", clock.instant().minus(Duration.ofHours(1)).toString(),
                        "to", clock.instant().plus(Duration.ofHours(1)).toString(),
                        "legalBasis", "《传染病防治法》第十二条",
                        "caseRef", "PD-2026-0402-017"))
                .andExpect(status().isOk()));
    assertThat(where.get("passages")).hasSize(1);
    assertThat(where.get("passages").get(0).get("venueName").asString()).isEqualTo("正大广场");

    // venue staff see counts, never the people
    mvc.perform(get("/api/venues/" + mall + "/counts").with(VenueFixtures.venueStaff()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.admitted").value(3))
        .andExpect(jsonPath("$.refused").value(3))
        .andExpect(jsonPath("$.sentinel").value(5))
        .andExpect(jsonPath("$.staffCheck").value(1));
  }

  @Test
  void aKeySentAgainAnswersAsTheFirstTimeAndIsRecordedOnceEvenInARace() throws Exception {
    var person = people.resident("孙明", 28, null);
    door.negative(person, Duration.ofHours(5));
    String token = people.liveCode(person);
    String key = "race-" + UUID.randomUUID();
    Callable<Integer> send =
        () ->
            venues
                .postJson(
                    "/api/sentinel/passages",
                    VenueFixtures.sentinel(),
                    Map.of("token", token, "key", key))
                .andReturn()
                .getResponse()
                .getStatus();
    try (var pool = Executors.newFixedThreadPool(2)) {
      var answers = pool.invokeAll(List.of(send, send));
      for (var answer : answers) {
        assertThat(answer.get()).isEqualTo(200);
      }
    }
    JsonNode again =
        venues.read(
            venues
                .postJson(
                    "/api/sentinel/passages",
                    VenueFixtures.sentinel(),
                    Map.of("token", token, "key", key))
                .andExpect(status().isOk()));
    assertThat(again.get("replayed").asBoolean()).isTrue();
    assertThat(again.get("admitted").asBoolean()).isTrue();
    assertThat(passages(mall)).isEqualTo(1);
  }

  @Test
  void passagesDecidedOfflineAreRecordedAsDecidedAndOnceWhenUploadedAgain() throws Exception {
    var person = people.resident("钱芳", 44, null);
    String token = people.liveCode(person);
    Instant passedAt = clock.instant();
    clock.advance(Duration.ofMinutes(30));
    var passage = new HashMap<String, Object>();
    passage.put("presentation", Map.of("token", token, "key", "offline-1-" + person.id()));
    passage.put("passedAt", passedAt.toString());
    passage.put("reason", "admitted");
    passage.put("colour", "GREEN");
    var upload = Map.of("passages", List.of(passage));

    JsonNode first =
        venues.read(
            venues
                .postJson("/api/sentinel/passages/offline", VenueFixtures.sentinel(), upload)
                .andExpect(status().isOk()));
    assertThat(first.get(0).get("offline").asBoolean()).isTrue();
    assertThat(first.get(0).get("admitted").asBoolean()).isTrue();
    JsonNode second =
        venues.read(
            venues
                .postJson("/api/sentinel/passages/offline", VenueFixtures.sentinel(), upload)
                .andExpect(status().isOk()));
    assertThat(second.get(0).get("replayed").asBoolean()).isTrue();
    assertThat(passages(mall)).isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT offline FROM passage WHERE person_id = ?")
                .param(person.id())
                .query(Boolean.class)
                .single())
        .isTrue();

    // too old to trust: refused whole, nothing written
    passage.put("passedAt", clock.instant().minus(Duration.ofDays(4)).toString());
    passage.put("presentation", Map.of("token", token, "key", "offline-2-" + person.id()));
    venues
        .postJson("/api/sentinel/passages/offline", VenueFixtures.sentinel(), upload)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("venues.upload.passed-at-invalid"));
    assertThat(passages(mall)).isEqualTo(1);
  }

  @Test
  void badInputGetsAStableCodeAndWritesNothing() throws Exception {
    var person = people.resident("吴磊", 33, null);
    String token = people.liveCode(person);
    String other = venues.venue("第一食品商店", "SUPERMARKET").get("id").asString();

    // the second sentinel is bound to no venue yet; then to the other one
    venues
        .present(VenueFixtures.secondSentinel(), token)
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("venues.sentinel.unassigned"));
    venues.bind(other, TestStaffAccounts.SECOND_SENTINEL);
    venues
        .postJson(
            "/api/sentinel/passages",
            VenueFixtures.secondSentinel(),
            Map.of("token", token, "key", "k-" + UUID.randomUUID(), "venueId", mall))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("venues.sentinel.other-venue"));

    venues
        .rule(mall, List.of("GREEN"), 0)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("venues.rule.window-invalid"));
    venues
        .rule(mall, List.of("GREEN"), 500)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("venues.rule.window-invalid"));

    // a forged token and a NAT code are answered with their reasons and not recorded
    String forged = token.substring(0, token.length() - 4) + "AAAA";
    assertThat(decide(forged).get("reason").asString()).isEqualTo("invalid");
    assertThat(decide(people.generate(person)).get("reason").asString())
        .isEqualTo("wrong-code-type");
    assertThat(decide("garbage").get("reason").asString()).isEqualTo("invalid");

    venues
        .postJson("/api/sentinel/passages", VenueFixtures.sentinel(), Map.of("key", "k1"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("venues.door.credential-required"));
    venues
        .postJson(
            "/api/sentinel/passages",
            VenueFixtures.sentinel(),
            Map.of("token", token, "temperature", "99.9"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("venues.door.temperature-invalid"));
    mvc.perform(
            post("/api/sentinel/passages")
                .with(VenueFixtures.sentinel())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"token\": "))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("request.malformed"));
    assertThat(passages(mall)).isZero();
    assertThat(passages(other)).isZero();

    // trace queries: the authority only, with a legal basis
    trace(VenueFixtures.venueStaff(), mall, "《传染病防治法》第十二条").andExpect(status().isForbidden());
    mvc.perform(
            post("/api/authority/traces/venue")
                .with(NatFixtures.citizen(person))
                .with(HealthCodeFixtures.xsrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isForbidden());
    trace(VenueFixtures.authority(), mall, " ")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("venues.trace.legal-basis-required"));
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'venues.trace.venue'"
                        + " AND reason LIKE ?")
                .param("venue " + mall + "%")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aSelfScanIsRecordedAsAClaimAndARotatedPosterRecordsNothingMore() throws Exception {
    var person = people.resident("郑洁", 29, null);
    door.negative(person, Duration.ofHours(12));
    JsonNode venue =
        venues.read(mvc.perform(get("/api/venues/" + mall).with(VenueFixtures.venueStaff())));
    String code = venue.get("venueCode").asString();

    byte[] pdf =
        mvc.perform(get("/api/venues/" + mall + "/poster.pdf").with(VenueFixtures.venueStaff()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
        .isEqualTo("%PDF-");
    assertThat(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("FontFile2");
    assertThat(NatFixtures.qrOf(pdf)).endsWith("/me/venue/" + code);

    JsonNode scanned =
        venues.read(
            mvc.perform(
                    post("/api/me/passages")
                        .with(NatFixtures.citizen(person))
                        .with(HealthCodeFixtures.xsrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("venueCode", code))))
                .andExpect(status().isOk()));
    assertThat(scanned.get("venueName").asString()).isEqualTo("正大广场");
    assertThat(scanned.get("decision").get("admitted").asBoolean()).isTrue();
    assertThat(scanned.get("decision").get("credential").asString()).isEqualTo("SELF");
    assertThat(scanned.get("ruleZh").asString()).contains("48 小时核酸阴性");
    assertThat(
            jdbc.sql("SELECT provenance FROM passage WHERE person_id = ?")
                .param(person.id())
                .query(String.class)
                .single())
        .isEqualTo("SELF_SCAN");

    venues
        .postJson("/api/venues/" + mall + "/code-rotation", VenueFixtures.venueStaff(), Map.of())
        .andExpect(status().isOk());
    mvc.perform(
            post("/api/me/passages")
                .with(NatFixtures.citizen(person))
                .with(HealthCodeFixtures.xsrf())
                .contentType(MediaType.APPLICATION_JSON)
                .param("lang", "en")
                .content(json.writeValueAsString(Map.of("venueCode", code))))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("venues.code.unknown"));
    assertThat(passages(mall)).isEqualTo(1);
  }

  @Test
  void aCityRuleOverAKindIsStricterAndWithdrawnTakesEffectAtOnce() throws Exception {
    String market = venues.venue("曹家渡菜场", "MARKET").get("id").asString();
    venues.rule(market, List.of("GREEN"), null).andExpect(status().isOk());
    venues.bind(market, TestStaffAccounts.SENTINEL);
    var person = people.resident("冯强", 52, null);
    assertThat(decide(people.liveCode(person)).get("admitted").asBoolean()).isTrue();

    JsonNode rule =
        venues.read(
            venues
                .postJson(
                    "/api/authority/venue-rules",
                    VenueFixtures.authority(),
                    Map.of(
                        "kind",
                        "MARKET",
                        "admittedColours",
                        List.of("GREEN"),
                        "negativeWithinHours",
                        72,
                        "reason",
                        "市防控办通告 2026 第 5 号"))
                .andExpect(status().isCreated()));
    JsonNode refused = decide(people.liveCode(person));
    assertThat(refused.get("reason").asString()).isEqualTo("no-recent-test");
    mvc.perform(get("/api/sentinel/venue").with(VenueFixtures.sentinel()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.negativeWithinHours").value(72))
        .andExpect(jsonPath("$.name").value("曹家渡菜场"));

    venues
        .postJson(
            "/api/authority/venue-rules/" + rule.get("id").asString() + "/withdrawal",
            VenueFixtures.authority(),
            Map.of())
        .andExpect(status().isOk());
    assertThat(decide(people.liveCode(person)).get("admitted").asBoolean()).isTrue();
    venues.bind(mall, TestStaffAccounts.SENTINEL);
  }

  @Test
  void aBusyVenuesTraceComesInPagesOfAThousandThatNeitherRepeatNorSkip() throws Exception {
    // 1 205 passages in pairs of one instant, so that a page ends between two of the same time
    jdbc.sql(
            "INSERT INTO passage (passed_at, id, venue_id, provenance, recorded_by, credential,"
                + " admitted, reason) SELECT ?::timestamptz + (i / 2) * interval '1 second',"
                + " gen_random_uuid(), ?::uuid, 'SENTINEL', 'device:test-sentinel', 'LIVE', true,"
                + " 'admitted' FROM generate_series(1, 1205) i")
        .params(clock.instant().minus(Duration.ofMinutes(50)).toString(), mall)
        .update();
    var seen = new java.util.LinkedHashSet<String>();
    JsonNode first = venues.read(trace(VenueFixtures.authority(), mall, "《传染病防治法》第十二条"));
    assertThat(first.get("passages").size()).isEqualTo(1000);
    assertThat(first.get("truncated").asBoolean()).isTrue();
    assertThat(first.get("after").isNull()).isTrue();
    first.get("passages").forEach(p -> seen.add(p.get("passageId").asString()));

    var body = new HashMap<String, Object>();
    body.put("venueId", mall);
    body.put("from", clock.instant().minus(Duration.ofHours(1)).toString());
    body.put("to", clock.instant().plus(Duration.ofHours(1)).toString());
    body.put("legalBasis", "《传染病防治法》第十二条");
    body.put("caseRef", "PD-2026-0402-017");
    body.put("after", first.get("next").asString());
    JsonNode second =
        venues.read(
            venues
                .postJson("/api/authority/traces/venue", VenueFixtures.authority(), body)
                .andExpect(status().isOk()));
    assertThat(second.get("passages").size()).isEqualTo(205);
    assertThat(second.get("truncated").asBoolean()).isFalse();
    assertThat(second.get("next").isNull()).isTrue();
    assertThat(second.get("after").asString()).isEqualTo(first.get("next").asString());
    second.get("passages").forEach(p -> seen.add(p.get("passageId").asString()));
    assertThat(seen).hasSize(1205);
    assertThat(Instant.parse(second.get("passages").get(0).get("passedAt").asString()))
        .isAfterOrEqualTo(Instant.parse(first.get("passages").get(999).get("passedAt").asString()));
    assertThat(
            jdbc.sql(
                    "SELECT reason FROM audit_event WHERE action = 'venues.trace.venue'"
                        + " ORDER BY occurred_at")
                .query(String.class)
                .list())
        .anySatisfy(r -> assertThat(r).contains("1000 rows").contains("more follow"))
        .anySatisfy(r -> assertThat(r).contains("205 rows after "));

    // the whole window is one CSV
    body.remove("after");
    String csv =
        mvc.perform(
                post("/api/authority/traces/venue/csv")
                    .with(VenueFixtures.authority())
                    .with(HealthCodeFixtures.xsrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(body)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(csv.lines().count()).isEqualTo(1206);

    long audits = jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
    body.put("after", "yesterday_after-lunch");
    venues
        .postJson("/api/authority/traces/venue", VenueFixtures.authority(), body)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("venues.trace.cursor-invalid"));
    assertThat(jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single())
        .isEqualTo(audits);
  }
}
