package org.suishen.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.suishen.sampling.SamplingFixtures.code;
import static org.suishen.sampling.SamplingFixtures.typed;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.natcode.NatFixtures;
import org.suishen.natcode.NatFixtures.Resident;
import org.suishen.status.LatestTests;
import org.suishen.support.MutableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lab results and where they go (issue 12): a positive pooled tube recalls its ten people (pending
 * retest, a notice for each and for the family member who brought a child, a recall list for the
 * site's community); single-tube retests settle nine and turn one red; the guardian sees the
 * child's and the infant's results; every bad row or file is refused with its code and writes
 * nothing.
 */
@HealthCodeIntegrationTest
class LabResultsIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired MutableClock clock;
  @Autowired LatestTests latestTests;

  NatFixtures people;
  SamplingFixtures sampling;
  String community;

  @BeforeEach
  void siteAndLab() throws Exception {
    people = new NatFixtures(jdbc, clock, mvc, json);
    sampling = new SamplingFixtures(mvc, json);
    community = "居委会-" + UUID.randomUUID().toString().substring(0, 6);
    sampling.site(community);
    sampling.lab("徐汇区疾控中心实验室");
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  String colour(UUID person) {
    return jdbc.sql("SELECT colour || '/' || reason FROM health_status WHERE person_id = ?")
        .param(person)
        .query(String.class)
        .optional()
        .orElse("GREEN/none");
  }

  long notices(UUID person, String message) {
    return jdbc.sql("SELECT count(*) FROM status_notice WHERE person_id = ? AND message_code = ?")
        .params(person, message)
        .query(Long.class)
        .single();
  }

  @Test
  void aPositivePooledTubeRecallsItsPeopleAndTheirRetestsSettleThem() throws Exception {
    String household = NatFixtures.household();
    var mother = people.resident("刘美玲", 32, household);
    var child = people.resident("刘子轩", 5, household);
    people.bind(mother, child);
    var adults = new ArrayList<Resident>();
    for (int i = 0; i < 7; i++) {
      adults.add(people.resident("混管" + "一二三四五六七".charAt(i) + "号", 30 + i, null));
    }
    String pool = sampling.openTube(10);
    sampling.register(pool, typed(mother)).andExpect(status().isOk());
    sampling.register(pool, code(people.proxyCode(mother, child))).andExpect(status().isOk());
    JsonNode infant =
        sampling.read(
            sampling.infant(pool, mother, "刘小宝", "2026-01-15").andExpect(status().isOk()));
    assertThat(infant.get("credential").asString()).isEqualTo("INFANT");
    assertThat(infant.get("maskedName").asString()).isEqualTo("刘*宝");
    for (var adult : adults) {
      sampling.register(pool, typed(adult)).andExpect(status().isOk());
    }
    UUID infantId =
        jdbc.sql("SELECT id FROM provisional_person WHERE parent_person_id = ?")
            .param(mother.id())
            .query(UUID.class)
            .single();
    var all = new ArrayList<UUID>(List.of(mother.id(), child.id(), infantId));
    adults.forEach(a -> all.add(a.id()));
    assertThat(
            jdbc.sql("SELECT sealed_at IS NOT NULL FROM tube WHERE barcode = ?")
                .param(pool)
                .query(Boolean.class)
                .single())
        .isTrue();
    sampling.deliver(List.of(pool));

    clock.advance(Duration.ofHours(6));
    JsonNode report = sampling.read(sampling.report(pool, "POSITIVE").andExpect(status().isOk()));
    assertThat(report.get("accepted").asInt()).isEqualTo(1);
    assertThat(report.get("people").asInt()).isEqualTo(10);

    // all ten pending retest, each told; the mother also for the child and the infant she brought
    for (UUID person : all) {
      assertThat(colour(person)).isEqualTo("YELLOW/test-result.pending-retest");
      assertThat(notices(person, "status.notice.retest-recall")).isEqualTo(1);
    }
    assertThat(notices(mother.id(), "status.notice.retest-recall.family")).isEqualTo(1);
    // the recall list of the site's community holds the ten, masked; the read is audited
    mvc.perform(get("/api/authority/sampling/recalls").with(SamplingFixtures.authority()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.community == '" + community + "')].open").value(10));
    JsonNode list =
        sampling.read(
            mvc.perform(
                    get("/api/authority/sampling/recalls/list")
                        .param("community", community)
                        .with(SamplingFixtures.authority()))
                .andExpect(status().isOk()));
    assertThat(list.size()).isEqualTo(10);
    assertThat(list.valueStream().map(r -> r.get("maskedName").asString()))
        .contains("刘*玲", "刘*轩", "刘*宝");
    assertThat(list.valueStream().filter(r -> r.get("guardianMaskedName").isString()).count())
        .isEqualTo(2);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'sampling.recall.listed'"
                        + " AND subject = ?")
                .param(child.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    // the same upload again records nothing twice
    JsonNode again = sampling.read(sampling.report(pool, "POSITIVE").andExpect(status().isOk()));
    assertThat(again.get("unchanged").asInt()).isEqualTo(1);
    assertThat(again.get("accepted").asInt()).isZero();
    assertThat(notices(mother.id(), "status.notice.retest-recall")).isEqualTo(1);

    // single-tube retests: nine negative, the last adult positive
    clock.advance(Duration.ofHours(2));
    var singles = new ArrayList<String>();
    for (int i = 0; i < all.size(); i++) {
      String tube = sampling.openTube(1);
      singles.add(tube);
    }
    sampling.register(singles.get(0), typed(mother)).andExpect(status().isOk());
    sampling
        .register(singles.get(1), code(people.proxyCode(mother, child)))
        .andExpect(status().isOk());
    sampling.infant(singles.get(2), mother, "刘小宝", "2026-01-15").andExpect(status().isOk());
    for (int i = 0; i < adults.size(); i++) {
      sampling.register(singles.get(3 + i), typed(adults.get(i))).andExpect(status().isOk());
    }
    // the infant was recognised: the same provisional person, not a second one
    assertThat(
            jdbc.sql("SELECT count(*) FROM provisional_person WHERE parent_person_id = ?")
                .param(mother.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    sampling.deliver(singles);
    clock.advance(Duration.ofHours(5));
    var rows = new ArrayList<String>();
    for (int i = 0; i < singles.size(); i++) {
      rows.add(singles.get(i));
      rows.add(i == singles.size() - 1 ? "POSITIVE" : "NEGATIVE");
    }
    JsonNode retests =
        sampling.read(sampling.report(rows.toArray(String[]::new)).andExpect(status().isOk()));
    assertThat(retests.get("accepted").asInt()).isEqualTo(10);
    for (int i = 0; i < all.size() - 1; i++) {
      assertThat(colour(all.get(i))).startsWith("GREEN/");
    }
    UUID positive = all.getLast();
    assertThat(colour(positive)).isEqualTo("RED/test-result.positive");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM sampling_recall WHERE tube_barcode = ? AND settled_at IS NULL")
                .param(pool)
                .query(Long.class)
                .single())
        .isZero();
    // the latest negative result and sampling time, published for venue rules
    var latest = latestTests.of(mother.id()).orElseThrow();
    assertThat(latest.negativeSampledAt()).isNotNull();
    assertThat(latest.sampledAt()).isEqualTo(latest.negativeSampledAt());
    assertThat(latestTests.of(UUID.randomUUID())).isEmpty();

    // the mother sees her own, the child's and the infant's results; the child's newest is negative
    JsonNode mine =
        sampling.read(
            mvc.perform(get("/api/me/results").with(NatFixtures.citizen(mother)))
                .andExpect(status().isOk()));
    assertThat(mine.get("people").valueStream().map(p -> p.get("relation").asString()))
        .containsExactly("SELF", "CHILD", "INFANT");
    JsonNode infantResults = mine.get("people").get(2).get("results");
    assertThat(infantResults.valueStream().map(r -> r.get("state").asString()))
        .containsExactly("NEGATIVE", "RETEST");
    assertThat(mine.get("people").get(1).get("results").get(0).get("pooled").asBoolean()).isFalse();
    // an adult of the pool sees only their own
    JsonNode theirs =
        sampling.read(
            mvc.perform(get("/api/me/results").with(NatFixtures.citizen(adults.getLast())))
                .andExpect(status().isOk()));
    assertThat(theirs.get("people").size()).isEqualTo(1);
    assertThat(theirs.get("people").get(0).get("results").get(0).get("state").asString())
        .isEqualTo("POSITIVE");
    // the authority's read of a person is audited
    mvc.perform(
            get("/api/authority/sampling/persons/" + child.id() + "/results")
                .with(SamplingFixtures.authority()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.results.length()").value(2));
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'sampling.results.read'"
                        + " AND subject = ?")
                .param(child.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    // the day's figures
    mvc.perform(
            get("/api/authority/sampling/round")
                .param("day", "2026-03-01")
                .with(SamplingFixtures.authority()))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$.positiveTubes").value(org.hamcrest.Matchers.greaterThanOrEqualTo(2)));
  }

  /** Two uploads of the same tube at the same moment: one records it, the other finds it done. */
  @Test
  void twoUploadsOfTheSameTubeAtOnceRecordItOnce() throws Exception {
    var a = people.resident("并发甲", 40, null);
    var b = people.resident("并发乙", 41, null);
    String tube = sampling.openTube(5);
    sampling.register(tube, typed(a)).andExpect(status().isOk());
    sampling.register(tube, typed(b)).andExpect(status().isOk());
    sampling.seal(tube);
    sampling.deliver(List.of(tube));
    var start = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.Callable<JsonNode> upload =
        () -> {
          start.await();
          return sampling.read(sampling.report(tube, "POSITIVE").andExpect(status().isOk()));
        };
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
      var one = pool.submit(upload);
      var two = pool.submit(upload);
      start.countDown();
      JsonNode first = one.get();
      JsonNode second = two.get();
      assertThat(first.get("accepted").asInt() + second.get("accepted").asInt()).isEqualTo(1);
      assertThat(first.get("unchanged").asInt() + second.get("unchanged").asInt()).isEqualTo(1);
    }
    assertThat(notices(a.id(), "status.notice.retest-recall")).isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT count(*) FROM sampling_recall WHERE tube_barcode = ?")
                .param(tube)
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void aNegativeTubeMakesEveryMemberNegativeAndChangesNoColour() throws Exception {
    var a = people.resident("阴性甲", 40, null);
    var b = people.resident("阴性乙", 41, null);
    String tube = sampling.openTube(5);
    sampling.register(tube, typed(a)).andExpect(status().isOk());
    sampling.register(tube, typed(b)).andExpect(status().isOk());
    sampling.seal(tube);
    sampling.deliver(List.of(tube));

    sampling.report(tube, "NEGATIVE").andExpect(status().isOk());

    assertThat(colour(a.id())).startsWith("GREEN/");
    assertThat(latestTests.of(b.id()).orElseThrow().negativeSampledAt()).isNotNull();
    assertThat(notices(a.id(), "status.notice.retest-recall")).isZero();
  }

  @Test
  void everyBadRowIsRejectedWithItsReasonAndTheOthersGoOn() throws Exception {
    var a = people.resident("报告甲", 40, null);
    var damagedPerson = people.resident("报告乙", 40, null);
    String tube = sampling.openTube(1);
    sampling.register(tube, typed(a)).andExpect(status().isOk());
    String damaged = sampling.openTube(1);
    sampling.register(damaged, typed(damagedPerson)).andExpect(status().isOk());
    String box = "B" + SamplingFixtures.newBarcode();
    sampling
        .postJson(
            "/api/sampling/boxes",
            NatFixtures.sampler(),
            Map.of("barcode", box, "tubeBarcodes", List.of(tube, damaged)))
        .andExpect(status().isCreated());
    sampling
        .postJson(
            "/api/sampling/boxes/" + box + "/handover",
            NatFixtures.sampler(),
            Map.of("courier", "x"))
        .andExpect(status().isOk());
    sampling
        .postJson(
            "/api/lab/boxes/" + box + "/receipt",
            SamplingFixtures.lab(),
            Map.of("tubeBarcodes", List.of(tube), "damagedTubeBarcodes", List.of(damaged)))
        .andExpect(status().isOk());
    String notReceived = sampling.openTube(1);
    String unknown = SamplingFixtures.newBarcode();

    JsonNode report =
        sampling.read(
            sampling
                .report(
                    tube,
                    "NEGATIVE",
                    "12345",
                    "NEGATIVE",
                    unknown,
                    "NEGATIVE",
                    notReceived,
                    "NEGATIVE",
                    damaged,
                    "NEGATIVE",
                    tube,
                    "POSITIVE",
                    damaged,
                    "INVALID")
                .andExpect(status().isOk()));

    assertThat(report.get("rows").asInt()).isEqualTo(7);
    assertThat(report.get("accepted").asInt()).isEqualTo(1);
    assertThat(
            report
                .get("rejected")
                .valueStream()
                .map(r -> r.get("line").asInt() + ":" + r.get("code").asString()))
        .containsExactly(
            "2:sampling.tube.barcode-invalid",
            "3:sampling.tube.unknown",
            "4:sampling.results.not-received-here",
            "5:sampling.results.damaged-tube",
            "6:sampling.results.duplicate-row",
            "7:sampling.results.duplicate-row");
    assertThat(report.get("rejected").get(1).get("message").asString()).isNotBlank();
    // a different result for a reported tube is refused: results are final
    JsonNode second = sampling.read(sampling.report(tube, "POSITIVE").andExpect(status().isOk()));
    assertThat(second.get("rejected").get(0).get("code").asString())
        .isEqualTo("sampling.results.final");
    assertThat(
            jdbc.sql("SELECT result FROM tube WHERE barcode = ?")
                .param(tube)
                .query(String.class)
                .single())
        .isEqualTo("NEGATIVE");
    // a result of nothing, a bad body and a caller who is no lab staff
    expect(
        sampling.postJson("/api/lab/results", SamplingFixtures.lab(), Map.of("results", List.of())),
        400,
        "sampling.results.empty");
    mvc.perform(
            post("/api/lab/results")
                .with(SamplingFixtures.lab())
                .contentType("application/json")
                .content("{\"results\": [ {\"tubeBarcode\": "))
        .andExpect(status().isBadRequest());
    sampling
        .postJson("/api/lab/results", NatFixtures.sampler(), Map.of("results", List.of()))
        .andExpect(status().isForbidden());
  }

  @Test
  void aCsvFileIsTakenRowByRowAndAMalformedOneWritesNothing() throws Exception {
    var a = people.resident("文件甲", 40, null);
    var b = people.resident("文件乙", 40, null);
    String one = sampling.openTube(1);
    sampling.register(one, typed(a)).andExpect(status().isOk());
    String two = sampling.openTube(1);
    sampling.register(two, typed(b)).andExpect(status().isOk());
    sampling.deliver(List.of(one, two));

    // malformed: nothing written, not even the good first row
    expect(
        csv("tubeBarcode,result\n" + one + ",NEGATIVE\n\"" + two + ",NEGATIVE\n"),
        400,
        "sampling.results.csv-malformed");
    expect(csv("barcode;result\n" + one + ";NEGATIVE\n"), 400, "sampling.results.csv-header");
    expect(
        csv(new String(new byte[] {(byte) 0xC3, 0x28}, StandardCharsets.ISO_8859_1)),
        400,
        "sampling.results.csv-encoding");
    expect(
        csv("tubeBarcode,result\n" + one + ",NEGATIVE,extra\n"),
        400,
        "sampling.results.csv-malformed");
    assertThat(
            jdbc.sql("SELECT count(*) FROM tube WHERE barcode IN (?, ?) AND result IS NOT NULL")
                .params(one, two)
                .query(Long.class)
                .single())
        .isZero();

    JsonNode report =
        sampling.read(
            csv("\uFEFFTubeBarcode,Result\n" + one + ",阴性\n" + two + ",NEGATIVE\n")
                .andExpect(status().isOk()));
    assertThat(report.get("accepted").asInt()).isEqualTo(2);
    // as a raw text/csv body too (the same again: unchanged)
    mvc.perform(
            post("/api/lab/results")
                .with(SamplingFixtures.lab())
                .contentType("text/csv")
                .content("tubeBarcode,result\n" + one + ",NEGATIVE\n"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.unchanged").value(1));
  }

  ResultActions csv(String content) throws Exception {
    byte[] bytes =
        content.chars().allMatch(c -> c < 256) && content.contains("\u00C3")
            ? content.getBytes(StandardCharsets.ISO_8859_1)
            : content.getBytes(StandardCharsets.UTF_8);
    return mvc.perform(
        multipart("/api/lab/results")
            .file(new MockMultipartFile("file", "results.csv", "text/csv", bytes))
            .with(SamplingFixtures.lab())
            .param("lang", "en"));
  }

  @Test
  void anInfantNeedsAParentTheDetailsAndYouth() throws Exception {
    var parent = people.resident("婴儿母亲", 30, null);
    String tube = sampling.openTube(5);
    expect(sampling.infant(tube, parent, "", "2026-01-01"), 400, "sampling.infant.name-invalid");
    expect(
        sampling.infant(tube, parent, "小宝", "2027-01-01"),
        400,
        "sampling.infant.birth-date-invalid");
    expect(sampling.infant(tube, parent, "小宝", "2018-01-01"), 400, "sampling.infant.too-old");
    var stranger = new Resident(UUID.randomUUID(), parent.documentNumber(), "别人");
    expect(
        sampling.infant(tube, stranger, "小宝", "2026-01-01"), 422, "sampling.document.not-matched");
    assertThat(
            jdbc.sql("SELECT count(*) FROM provisional_person WHERE parent_person_id = ?")
                .param(parent.id())
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("SELECT members FROM tube WHERE barcode = ?")
                .param(tube)
                .query(Integer.class)
                .single())
        .isZero();
  }

  void expect(ResultActions result, int status, String code) throws Exception {
    result.andExpect(status().is(status)).andExpect(jsonPath("$.code").value(code));
  }
}
