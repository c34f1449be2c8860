package org.suishen.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
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
import org.suishen.shared.partition.DayPartitions;
import org.suishen.support.MutableClock;
import org.suishen.support.TestStaffAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sampling table (issue 12, first step): sites and assignments, tubes opened single or pooled,
 * people registered from every credential, sealed when full or by hand; idempotent resubmission;
 * one open tube per person even under a race; every refusal a stable code that writes nothing.
 */
@HealthCodeIntegrationTest
class SamplingIT {

  private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 10_000_000_000L);

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired MutableClock clock;

  NatFixtures fixtures;
  String site;

  @BeforeEach
  void siteWithTheSamplerAndTheTerminal() throws Exception {
    fixtures = new NatFixtures(jdbc, clock, mvc, json);
    // contexts on the wall clock share the database and drop the test clock's days as past their
    // retention: the test clock's day and the week after it again, as the nightly upkeep would
    DayPartitions.ensure(jdbc, "sampling_registration", LocalDate.now(clock), 7, clock.getZone());
    site = "IT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    openSite(site).andExpect(status().isCreated());
    assign(site, TestStaffAccounts.SAMPLER).andExpect(status().isOk());
    assign(site, TestStaffAccounts.SAMPLING_TERMINAL)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.accountKind").value("DEVICE"));
    new SamplingFixtures(mvc, json).lab("徐汇区疾控中心实验室");
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  static RequestPostProcessor authority() {
    return httpBasic(TestStaffAccounts.AUTHORITY, TestStaffAccounts.PASSWORD);
  }

  ResultActions openSite(String code) throws Exception {
    return postJson(
        "/api/sampling/sites",
        authority(),
        Map.of(
            "code", code,
            "name", "天平街道采样点",
            "address", "徐汇区天平路 123 号",
            "district", "徐汇区",
            "street", "天平路街道",
            "community", "天平居委会"));
  }

  ResultActions assign(String code, String login) throws Exception {
    return postJson(
        "/api/sampling/sites/" + code + "/assignments", authority(), Map.of("login", login));
  }

  static String newBarcode() {
    return TubeBarcode.of(SERIAL.incrementAndGet()).value();
  }

  ResultActions openTube(String barcode, Object capacity, RequestPostProcessor who)
      throws Exception {
    return postJson("/api/sampling/tubes", who, Map.of("barcode", barcode, "capacity", capacity));
  }

  String openTube(int capacity) throws Exception {
    String barcode = newBarcode();
    openTube(barcode, capacity, NatFixtures.sampler()).andExpect(status().isCreated());
    return barcode;
  }

  ResultActions register(String barcode, Map<String, Object> credential, RequestPostProcessor who)
      throws Exception {
    var body = new HashMap<String, Object>(credential);
    body.putIfAbsent("idempotencyKey", "it-" + UUID.randomUUID());
    return postJson("/api/sampling/tubes/" + barcode + "/registrations", who, body);
  }

  ResultActions register(String barcode, Map<String, Object> credential) throws Exception {
    return register(barcode, credential, NatFixtures.sampler());
  }

  static Map<String, Object> code(String token) {
    return Map.of("credentialKind", "CODE", "payload", token);
  }

  static Map<String, Object> document(String kind, Resident person, String name) {
    return Map.of(
        "credentialKind",
        kind,
        "documentType",
        "RESIDENT_ID",
        "documentNumber",
        person.documentNumber(),
        "name",
        name);
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

  long registrations() {
    return jdbc.sql("SELECT count(*) FROM sampling_registration").query(Long.class).single();
  }

  @Test
  void aPooledTubeTakesEveryCredentialAndSealsWhenFull() throws Exception {
    String household = NatFixtures.household();
    var natPerson = fixtures.resident("陈志强", 45, null);
    var livePerson = fixtures.resident("王小明", 30, null);
    var mother = fixtures.resident("刘美玲", 32, household);
    var child = fixtures.resident("刘子轩", 5, household);
    var cardPerson = fixtures.resident("赵丽华", 70, null);
    var typedPerson = fixtures.resident("孙建国", 52, null);
    fixtures.bind(mother, child);
    String natCode = fixtures.generate(natPerson);
    String tube = openTube(5);

    JsonNode first = read(register(tube, code(natCode)).andExpect(status().isOk()));
    assertThat(first.get("credential").asString()).isEqualTo("NAT");
    assertThat(first.get("maskedName").asString()).isEqualTo("陈*强");
    assertThat(first.get("members").asInt()).isEqualTo(1);
    register(tube, code(fixtures.liveCode(livePerson)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.credential").value("LIVE"));
    // the proxy code registers the dependant, not the mother who shows it
    register(tube, code(fixtures.proxyCode(mother, child)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.credential").value("PROXY"))
        .andExpect(jsonPath("$.maskedName").value("刘*轩"));
    register(tube, document("ID_CARD", cardPerson, "赵丽华"), NatFixtures.samplingTerminal())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.credential").value("ID_CARD"));
    JsonNode last =
        read(
            register(tube, document("TYPED_NUMBER", typedPerson, "孙建国"))
                .andExpect(status().isOk()));
    assertThat(last.get("members").asInt()).isEqualTo(5);
    assertThat(last.get("sealed").asBoolean()).isTrue();

    // the tube's record: five people, masked, sealed; site, terminal and sampler from the session
    mvc.perform(get("/api/sampling/tubes/" + tube).with(NatFixtures.sampler()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.sealed").value(true))
        .andExpect(jsonPath("$.people.length()").value(5))
        .andExpect(jsonPath("$.people[2].maskedName").value("刘*轩"));
    var rows =
        jdbc.sql(
                "SELECT site_code, terminal, sampler FROM sampling_registration WHERE tube_barcode"
                    + " = ? ORDER BY registered_at")
            .param(tube)
            .query()
            .listOfRows();
    assertThat(rows).allSatisfy(r -> assertThat(r.get("site_code")).isEqualTo(site));
    assertThat(rows.get(0)).containsEntry("sampler", TestStaffAccounts.SAMPLER);
    // into the day's own partition (the city's day), not the default one
    assertThat(
            jdbc.sql(
                    "SELECT DISTINCT tableoid::regclass::text FROM sampling_registration WHERE"
                        + " tube_barcode = ?")
                .param(tube)
                .query(String.class)
                .list())
        .containsExactly("sampling_registration_20260301");
    assertThat(rows.get(3))
        .containsEntry("terminal", TestStaffAccounts.SAMPLING_TERMINAL)
        .containsEntry("sampler", null);
    // nobody is left "in an open tube": each can be registered into the next tube
    assertThat(
            jdbc.sql("SELECT count(*) FROM open_tube_member WHERE tube_barcode = ?")
                .param(tube)
                .query(Long.class)
                .single())
        .isZero();
    // registering changed none of the codes: the same NAT code registers again (S2, 002)
    String next = openTube(1);
    register(next, code(natCode)).andExpect(status().isOk());
    // every registration is audited, with the person as subject
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'sampling.person.registered'"
                        + " AND subject = ?")
                .param(natPerson.id())
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void theSameRequestSentAgainAnswersAsTheFirstTimeAndRecordsNothingTwice() throws Exception {
    var person = fixtures.resident("周晓燕", 28, null);
    String tube = openTube(10);
    var body = new HashMap<String, Object>(document("TYPED_NUMBER", person, "周晓燕"));
    body.put("idempotencyKey", "sampling-0001:retry:" + UUID.randomUUID());
    long before = registrations();

    JsonNode first = read(register(tube, body).andExpect(status().isOk()));
    JsonNode again = read(register(tube, body).andExpect(status().isOk()));

    assertThat(again.get("registrationId").asString())
        .isEqualTo(first.get("registrationId").asString());
    assertThat(again.get("idempotencyKey").asString()).isEqualTo(body.get("idempotencyKey"));
    assertThat(registrations()).isEqualTo(before + 1);
  }

  /**
   * A terminal that timed out retries while its first request is still running: both answer the
   * same registration, and one is recorded (the key's unique index makes the second wait).
   */
  @Test
  void theSameKeySentTwiceAtOnceRecordsOneRegistration() throws Exception {
    var person = fixtures.resident("钱思远", 33, null);
    String tube = openTube(10);
    var body = new HashMap<String, Object>(document("ID_CARD", person, "钱思远"));
    body.put("idempotencyKey", "sampling-race:" + UUID.randomUUID());
    long before = registrations();
    Callable<String> send =
        () ->
            read(register(tube, body).andExpect(status().isOk())).get("registrationId").asString();
    try (var pool = Executors.newFixedThreadPool(2)) {
      var answers = pool.invokeAll(List.of(send, send));
      assertThat(answers.get(0).get()).isEqualTo(answers.get(1).get());
    }
    assertThat(registrations()).isEqualTo(before + 1);
  }

  /**
   * Twelve people sent at once at a tube of ten are written in groups: ten are in, the tube seals
   * itself when full, the two beyond are refused as for a sealed tube, and nothing is left open.
   */
  @Test
  void aRushAtOneTubeFillsItExactlyAndSealsIt() throws Exception {
    String tube = openTube(10);
    var calls = new java.util.ArrayList<Callable<Integer>>();
    for (int i = 0; i < 12; i++) {
      String name = "冲" + "甲乙丙丁戊己庚辛壬癸子丑".charAt(i) + "明";
      var person = fixtures.resident(name, 20 + i, null);
      calls.add(
          () ->
              register(tube, document("TYPED_NUMBER", person, name))
                  .andReturn()
                  .getResponse()
                  .getStatus());
    }
    var statuses = new java.util.ArrayList<Integer>();
    try (var pool = Executors.newFixedThreadPool(12)) {
      for (var result : pool.invokeAll(calls)) {
        statuses.add(result.get());
      }
    }
    assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(10);
    assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(2);
    assertThat(
            jdbc.sql("SELECT members, sealed_at IS NOT NULL FROM tube WHERE barcode = ?")
                .param(tube)
                .query((rs, n) -> rs.getInt(1) + "/" + rs.getBoolean(2))
                .single())
        .isEqualTo("10/true");
    assertThat(
            jdbc.sql("SELECT count(*) FROM sampling_registration WHERE tube_barcode = ?")
                .param(tube)
                .query(Long.class)
                .single())
        .isEqualTo(10);
    assertThat(
            jdbc.sql("SELECT count(*) FROM open_tube_member WHERE tube_barcode = ?")
                .param(tube)
                .query(Long.class)
                .single())
        .isZero();
  }

  /** Two terminals register the same person into two tubes at the same moment: one wins. */
  @Test
  void aPersonIsInOneOpenTubeEvenWhenTwoTerminalsRace() throws Exception {
    var person = fixtures.resident("吴海波", 40, null);
    String one = openTube(10);
    String two = openTube(10);
    Callable<Integer> atOne =
        () ->
            register(one, document("TYPED_NUMBER", person, "吴海波"))
                .andReturn()
                .getResponse()
                .getStatus();
    Callable<Integer> atTwo =
        () ->
            register(two, document("ID_CARD", person, "吴海波"), NatFixtures.samplingTerminal())
                .andReturn()
                .getResponse()
                .getStatus();
    try (var pool = Executors.newFixedThreadPool(2)) {
      var results = pool.invokeAll(List.of(atOne, atTwo));
      assertThat(List.of(results.get(0).get(), results.get(1).get()))
          .containsExactlyInAnyOrder(200, 409);
    }
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM sampling_registration WHERE person_id = ? AND"
                        + " withdrawn_at IS NULL")
                .param(person.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aMistakeIsWithdrawnBeforeSealingAndAPartTubeIsSealedByHand() throws Exception {
    var wrong = fixtures.resident("郑凯", 33, null);
    var right = fixtures.resident("郑楷", 33, null);
    String tube = openTube(10);
    String id =
        read(register(tube, document("TYPED_NUMBER", wrong, "郑凯")).andExpect(status().isOk()))
            .get("registrationId")
            .asString();

    postJson("/api/sampling/tubes/" + tube + "/seal", NatFixtures.sampler(), Map.of())
        .andExpect(status().isOk());
    // a sealed tube takes nobody and gives nobody back
    register(tube, document("TYPED_NUMBER", right, "郑楷"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("sampling.tube.sealed"));

    String other = openTube(10);
    String mistake =
        read(register(other, document("TYPED_NUMBER", right, "郑楷")).andExpect(status().isOk()))
            .get("registrationId")
            .asString();
    postJson(
            "/api/sampling/tubes/" + other + "/registrations/" + mistake + "/withdrawal",
            NatFixtures.sampler(),
            Map.of())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.members").value(0));
    // the empty tube cannot be sealed; the withdrawn person can join again
    postJson("/api/sampling/tubes/" + other + "/seal", NatFixtures.sampler(), Map.of())
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("sampling.tube.empty"));
    register(other, document("TYPED_NUMBER", right, "郑楷")).andExpect(status().isOk());
    assertThat(id).isNotEqualTo(mistake);
  }

  @Test
  void badInputIsAStableCodeAndWritesNothing() throws Exception {
    var person = fixtures.resident("钱文静", 26, null);
    var other = fixtures.resident("钱文斌", 27, null);
    String tube = openTube(10);
    register(tube, document("TYPED_NUMBER", person, "钱文静")).andExpect(status().isOk());
    long before = registrations();

    expect(
        openTube("000000000000", 10, NatFixtures.sampler()), 400, "sampling.tube.barcode-invalid");
    expect(openTube(newBarcode(), 3, NatFixtures.sampler()), 400, "sampling.tube.capacity-invalid");
    expect(openTube(tube, 10, NatFixtures.sampler()), 409, "sampling.tube.used");
    expect(
        register(newBarcode(), document("TYPED_NUMBER", other, "钱文斌")),
        404,
        "sampling.tube.unknown");
    expect(
        register(tube, document("TYPED_NUMBER", person, "钱文静")),
        409,
        "sampling.person.in-this-tube");
    expect(
        register(openTube(5), document("ID_CARD", person, "钱文静")),
        409,
        "sampling.person.in-open-tube");
    expect(
        register(tube, document("TYPED_NUMBER", other, "钱文静")),
        422,
        "sampling.document.not-matched");
    expect(
        register(tube, Map.of("credentialKind", "FACE")), 400, "sampling.credential.kind-invalid");
    expect(register(tube, code("SSC:not-a-code")), 422, "sampling.code.invalid");
    expect(
        register(tube, Map.of("credentialKind", "CODE", "payload", "x", "idempotencyKey", "short")),
        400,
        "sampling.idempotency-key.invalid");
    // a screenshot of a live code is expired; a NAT code regenerated since is revoked
    String screenshot = fixtures.liveCode(other);
    String oldNat = fixtures.generate(other);
    fixtures.generate(other);
    expect(register(tube, code(oldNat)), 422, "sampling.code.revoked");
    clock.advance(Duration.ofMinutes(3));
    expect(register(tube, code(screenshot)), 422, "sampling.code.expired");
    // broken JSON
    mvc.perform(
            post("/api/sampling/tubes/" + tube + "/registrations")
                .with(NatFixtures.sampler())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"credentialKind\": "))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").exists());
    assertThat(registrations()).isEqualTo(before);
  }

  @Test
  void aSessionWorksOnlyAtItsOwnOpenSite() throws Exception {
    String tube = openTube(10);
    // another site's sampler does not see or fill this site's tube
    String elsewhere = "IT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    openSite(elsewhere).andExpect(status().isCreated());
    assign(elsewhere, TestStaffAccounts.SAMPLING_TERMINAL).andExpect(status().isOk());
    mvc.perform(get("/api/sampling/tubes/" + tube).with(NatFixtures.samplingTerminal()))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("sampling.tube.other-site"));
    // a closed site opens no more tubes
    postJson("/api/sampling/sites/" + site + "/closure", authority(), Map.of())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.closedAt").exists());
    expect(openTube(newBarcode(), 10, NatFixtures.sampler()), 409, "sampling.site.closed");
    // only samplers and terminals are assigned; only they register; venue staff and citizens not
    expect(
        assign(elsewhere, TestStaffAccounts.VENUE_STAFF), 400, "sampling.assignment.not-a-sampler");
    expect(openSite(elsewhere), 409, "sampling.site.code-taken");
    openTube(newBarcode(), 10, NatFixtures.venueStaff()).andExpect(status().isForbidden());
    mvc.perform(get("/api/sampling/sites").with(NatFixtures.sampler()))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/sampling/sites").with(authority()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.code == '" + elsewhere + "')].community").value("天平居委会"));
  }

  /** Sealed tubes travel in a box to the lab, which finds what is missing, extra and damaged. */
  @Test
  void aBoxCarriesSealedTubesToTheLabWhichChecksThemAgainstTheList() throws Exception {
    var lab = httpBasic(TestStaffAccounts.LAB, TestStaffAccounts.PASSWORD);
    List<String> tubes = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      var person = fixtures.resident("箱" + i + "号", 30 + i, null);
      String tube = openTube(1);
      register(tube, document("TYPED_NUMBER", person, "箱" + i + "号")).andExpect(status().isOk());
      tubes.add(tube);
    }
    String open = openTube(10);
    String box = "B" + newBarcode();
    String stray = newBarcode();

    // only sealed tubes of this site, each in one box
    expect(
        postJson(
            "/api/sampling/boxes",
            NatFixtures.sampler(),
            Map.of("barcode", box, "tubeBarcodes", List.of(tubes.get(0), open))),
        409,
        "sampling.box.tube-open");
    expect(
        postJson(
            "/api/sampling/boxes",
            NatFixtures.sampler(),
            Map.of("barcode", "B123", "tubeBarcodes", tubes)),
        400,
        "sampling.box.barcode-invalid");
    postJson(
            "/api/sampling/boxes",
            NatFixtures.sampler(),
            Map.of("barcode", box, "tubeBarcodes", tubes))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.tubeBarcodes.length()").value(4))
        .andExpect(jsonPath("$.siteCode").value(site));
    expect(
        postJson(
            "/api/sampling/boxes",
            NatFixtures.sampler(),
            Map.of("barcode", "B" + newBarcode(), "tubeBarcodes", List.of(tubes.get(1)))),
        409,
        "sampling.box.tube-packed");
    // the lab cannot receive what transport has not taken
    expect(
        postJson("/api/lab/boxes/" + box + "/receipt", lab, Map.of("tubeBarcodes", tubes)),
        409,
        "sampling.box.not-handed-over");
    expect(
        postJson(
            "/api/sampling/boxes/" + box + "/handover",
            NatFixtures.sampler(),
            Map.of("courier", " ")),
        400,
        "sampling.box.courier-required");
    postJson(
            "/api/sampling/boxes/" + box + "/handover",
            NatFixtures.sampler(),
            Map.of("courier", "冷链 张师傅"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.courier").value("冷链 张师傅"));

    // one tube never arrived, one arrived broken, one stray tube was in the box
    JsonNode receipt =
        read(
            postJson(
                    "/api/lab/boxes/" + box + "/receipt",
                    lab,
                    Map.of(
                        "tubeBarcodes", List.of(tubes.get(0), tubes.get(1), stray),
                        "damagedTubeBarcodes", List.of(tubes.get(2))))
                .andExpect(status().isOk()));
    assertThat(receipt.get("tubeBarcodes").valueStream().map(JsonNode::asString))
        .containsExactlyInAnyOrder(tubes.get(0), tubes.get(1), tubes.get(2));
    assertThat(receipt.get("missingTubeBarcodes").valueStream().map(JsonNode::asString))
        .containsExactly(tubes.get(3));
    assertThat(receipt.get("extraTubeBarcodes").valueStream().map(JsonNode::asString))
        .containsExactly(stray);
    assertThat(receipt.get("damagedTubeBarcodes").valueStream().map(JsonNode::asString))
        .containsExactly(tubes.get(2));
    assertThat(
            jdbc.sql("SELECT kind FROM box_discrepancy WHERE box_barcode = ? ORDER BY kind")
                .param(box)
                .query(String.class)
                .list())
        .containsExactly("DAMAGED", "EXTRA", "MISSING");
    assertThat(
            jdbc.sql("SELECT count(*) FROM tube WHERE barcode = ANY(?) AND received_at IS NOT NULL")
                .param(tubes.toArray(String[]::new))
                .query(Long.class)
                .single())
        .isEqualTo(3);
    // received once; samplers do not receive, labs do not pack
    expect(
        postJson("/api/lab/boxes/" + box + "/receipt", lab, Map.of("tubeBarcodes", tubes)),
        409,
        "sampling.box.received");
    postJson("/api/lab/boxes/" + box + "/receipt", NatFixtures.sampler(), Map.of())
        .andExpect(status().isForbidden());
    postJson("/api/sampling/boxes", lab, Map.of()).andExpect(status().isForbidden());
  }

  void expect(ResultActions result, int status, String code) throws Exception {
    result
        .andExpect(status().is(status))
        .andExpect(jsonPath("$.code").value(code))
        .andExpect(jsonPath("$.messageZh").exists());
  }
}
