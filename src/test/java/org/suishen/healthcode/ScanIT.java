package org.suishen.healthcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.suishen.healthcode.internal.token.Base45;
import org.suishen.healthcode.internal.token.KeyStatus;
import org.suishen.healthcode.internal.token.SigningKey;
import org.suishen.healthcode.internal.token.TokenCodec;
import org.suishen.healthcode.internal.token.TokenCrypto;
import org.suishen.healthcode.internal.token.TokenIssuer;
import org.suishen.healthcode.internal.token.TokenPayload;
import org.suishen.status.Colour;
import org.suishen.support.MutableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@HealthCodeIntegrationTest
class ScanIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired CodeTokens tokens;
  @Autowired CodeSubjects subjects;
  @Autowired MutableClock clock;
  @Autowired org.suishen.healthcode.internal.HealthCodeProperties photos;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  HealthCodeFixtures fixtures() {
    return new HealthCodeFixtures(jdbc, clock);
  }

  String liveCode(UUID personId) {
    return tokens
        .issue(CodeType.LIVE, personId, null, Duration.ofSeconds(60), Colour.GREEN)
        .token();
  }

  RequestPostProcessor venueStaff(String name) {
    return user(name).roles("VENUE_STAFF");
  }

  JsonNode scan(String payload, String scanner, String location) throws Exception {
    String body =
        json.writeValueAsString(
            Map.of("payload", payload, "purpose", "venue-entry", "location", location));
    return json.readTree(
        mvc.perform(
                post("/api/scan")
                    .with(venueStaff(scanner))
                    .with(HealthCodeFixtures.xsrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  JsonNode scan(String payload) throws Exception {
    return scan(payload, "venue-" + UUID.randomUUID(), "test");
  }

  @Test
  void aLiveCodeIsAcceptedWithTheMaskedIdentityAndTheScanIsRecorded() throws Exception {
    var person = fixtures().person();
    String scanner = "venue-" + UUID.randomUUID();
    String location = "徐汇区图书馆 " + UUID.randomUUID();

    JsonNode decision = scan(liveCode(person.id()), scanner, location);

    assertThat(decision.get("valid").asBoolean()).isTrue();
    assertThat(decision.get("reason").asString()).isEqualTo("ok");
    assertThat(decision.get("codeType").asString()).isEqualTo("LIVE");
    assertThat(decision.get("maskedName").asString()).isEqualTo("王*明");
    assertThat(decision.get("maskedDocument").asString()).isEqualTo(person.maskedDocument());
    assertThat(decision.get("colour").asString()).isEqualTo("GREEN");
    assertThat(decision.get("messageZh").asString()).contains("有效");
    assertThat(decision.get("messageEn").asString()).contains("Valid");
    // the page shows the server's words for the time: the city's time, not the browser's
    assertThat(decision.get("scannedAtText").asString())
        .isEqualTo(
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(
                    java.time.Instant.parse(decision.get("scannedAt").asString())
                        .atZone(java.time.ZoneId.of("Asia/Shanghai"))));
    var record =
        jdbc.sql(
                "SELECT scanner, purpose, result, code_type, person_id, colour FROM scan_record"
                    + " WHERE location = ?")
            .param(location)
            .query()
            .singleRow();
    assertThat(record)
        .containsEntry("scanner", "staff:" + scanner)
        .containsEntry("purpose", "venue-entry")
        .containsEntry("result", "ok")
        .containsEntry("code_type", "LIVE")
        .containsEntry("person_id", person.id())
        .containsEntry("colour", "GREEN");
  }

  /**
   * Staff are told to compare the face with the photo on the code only when the library has one,
   * else to check the ID card; read from the code's snapshot, without a register read per scan.
   */
  @Test
  void theDecisionSaysWhetherThereIsAPhotoToCompareWith() throws Exception {
    java.nio.file.Path directory = java.nio.file.Path.of(photos.photoDirectory());
    java.nio.file.Files.createDirectories(directory);
    String file = "scan-" + UUID.randomUUID() + ".png";
    java.nio.file.Files.write(directory.resolve(file), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    try {
      var withPhoto = fixtures().person("李四", file);
      var without = fixtures().person("张三", null);

      assertThat(scan(liveCode(withPhoto.id())).get("photoOnFile").asBoolean()).isTrue();
      JsonNode none = scan(liveCode(without.id()));
      assertThat(none.get("photoOnFile").isBoolean()).isTrue();
      assertThat(none.get("photoOnFile").asBoolean()).isFalse();
      // a refused code says nothing about a photo
      JsonNode refused = scan("garbage").path("photoOnFile");
      assertThat(refused.isNull() || refused.isMissingNode()).isTrue();
    } finally {
      java.nio.file.Files.delete(directory.resolve(file));
    }
  }

  @Test
  void aCorrectedNameShowsFromTheNextIssuedCodeOn() throws Exception {
    var person = fixtures().person("王小明", null);
    liveCode(person.id());
    jdbc.sql("UPDATE person SET name = '王晓明明' WHERE id = ?").param(person.id()).update();

    assertThat(scan(liveCode(person.id())).get("maskedName").asString()).isEqualTo("王**明");
  }

  @Test
  void theColourIsTheCurrentOneAtScanTimeNotTheOneInTheCode() throws Exception {
    var person = fixtures().person();
    String code = liveCode(person.id());
    fixtures().colour(person.id(), Colour.RED);

    JsonNode decision = scan(code);

    assertThat(decision.get("valid").asBoolean()).isTrue();
    assertThat(decision.get("colour").asString()).isEqualTo("RED");
  }

  @Test
  void aScreenshotScannedTwoMinutesLaterIsExpiredAndStillRecorded() throws Exception {
    var person = fixtures().person();
    String code = liveCode(person.id());
    clock.advance(Duration.ofMinutes(2));
    String location = "screenshot " + UUID.randomUUID();

    JsonNode decision = scan(code, "venue-1", location);

    assertThat(decision.get("valid").asBoolean()).isFalse();
    assertThat(decision.get("reason").asString()).isEqualTo("expired");
    assertThat(decision.path("maskedName").isNull() || decision.path("maskedName").isMissingNode())
        .isTrue();
    assertThat(decision.path("colour").isNull() || decision.path("colour").isMissingNode())
        .isTrue();
    assertThat(
            jdbc.sql("SELECT result, person_id FROM scan_record WHERE location = ?")
                .param(location)
                .query()
                .singleRow())
        .containsEntry("result", "expired")
        .containsEntry("person_id", person.id());
  }

  @Test
  void aCodeWithinTheSkewToleranceIsAcceptedButOneFromTheFutureIsNot() throws Exception {
    var person = fixtures().person();
    String code = liveCode(person.id());
    clock.advance(Duration.ofSeconds(85));
    assertThat(scan(code).get("reason").asString()).isEqualTo("ok");
    clock.reset();
    clock.advance(Duration.ofMinutes(-2));
    assertThat(scan(code).get("reason").asString()).isEqualTo("not-yet-valid");
  }

  @Test
  void anAlteredCodeIsABadSignature() throws Exception {
    var person = fixtures().person();
    byte[] bytes = Base45.decode(liveCode(person.id()), TokenCodec.PREFIX.length());
    bytes[bytes.length - 1] ^= 1;
    JsonNode decision = scan(TokenCodec.PREFIX + Base45.encode(bytes));
    assertThat(decision.get("reason").asString()).isEqualTo("bad-signature");
    assertThat(decision.get("valid").asBoolean()).isFalse();
  }

  @Test
  void aCodeSignedWithAKeyIdTheServiceNeverHadIsAnUnknownKey() throws Exception {
    var random = new java.security.SecureRandom();
    var privateKey = TokenCrypto.newPrivateKey(random);
    var key =
        new SigningKey(
            65_000,
            KeyStatus.ACTIVE,
            privateKey,
            privateKey.generatePublicKey().getEncoded(),
            new byte[32],
            clock.instant(),
            clock.instant(),
            null,
            null);
    var now = clock.instant();
    String forged =
        TokenIssuer.encode(
            new TokenPayload(
                1,
                CodeType.LIVE,
                Colour.GREEN,
                65_000,
                UUID.randomUUID(),
                null,
                now,
                now.plusSeconds(60)),
            key);
    assertThat(scan(forged).get("reason").asString()).isEqualTo("unknown-key");
  }

  @Test
  void aCodeWhoseReferenceWasWithdrawnIsRevoked() throws Exception {
    var person = fixtures().person();
    String old = liveCode(person.id());
    subjects.renew(person.id());

    assertThat(scan(old).get("reason").asString()).isEqualTo("revoked");
    assertThat(scan(liveCode(person.id())).get("reason").asString()).isEqualTo("ok");
  }

  @Test
  void aNatCodeIsTheWrongCodeTypeHereAnOfflineCodeNeedsItsCredentialAndAProxyCodeABinding()
      throws Exception {
    var person = fixtures().person();
    var holder = fixtures().person("李大伟", null);
    String nat = tokens.issue(CodeType.NAT, person.id(), null, Duration.ofDays(30), null).token();
    String offline =
        tokens.issue(CodeType.OFFLINE, person.id(), null, Duration.ofDays(180), null).token();
    String proxy =
        tokens
            .issue(CodeType.PROXY, person.id(), holder.id(), Duration.ofSeconds(60), Colour.GREEN)
            .token();

    assertThat(scan(nat).get("reason").asString()).isEqualTo("wrong-code-type");
    // venue staff accept the paper offline code (O9), but its reference names a credential the
    // offline-code context issued (offlinecode.OfflineCodeIT): a person reference is nobody
    assertThat(scan(offline).get("reason").asString()).isEqualTo("unknown-person");
    // a genuine proxy code, but the holder was never bound to the person (accepted with a binding:
    // natcode's FamilyCodesIT)
    JsonNode decision = scan(proxy);
    assertThat(decision.get("reason").asString()).isEqualTo("revoked");
    assertThat(decision.get("codeType").asString()).isEqualTo("PROXY");
    assertThat(decision.get("maskedName").isNull()).isTrue();
    assertThat(decision.get("messageZh").asString()).contains("亲属绑定已结束");
  }

  @Test
  void garbageIsAMalformedDecisionNotAnError() throws Exception {
    assertThat(scan("hello").get("reason").asString()).isEqualTo("malformed");
    assertThat(scan("").get("reason").asString()).isEqualTo("malformed");
    assertThat(scan("SSC:" + "A".repeat(5000)).get("reason").asString()).isEqualTo("malformed");
    assertThat(scan("SSC:%%%%").get("valid").asBoolean()).isFalse();
  }

  @Test
  void aCodeOfSomeoneTheRegisterDoesNotKnowIsAnUnknownPerson() throws Exception {
    String code = liveCode(UUID.randomUUID());
    assertThat(scan(code).get("reason").asString()).isEqualTo("unknown-person");
  }

  @Test
  void aKeyboardWedgeLineEndIsIgnored() throws Exception {
    var person = fixtures().person();
    assertThat(scan(liveCode(person.id()) + "\r\n").get("reason").asString()).isEqualTo("ok");
  }

  @Test
  void onlyScannersMayScan() throws Exception {
    String body = "{\"payload\":\"hello\"}";
    mvc.perform(
            post("/api/scan")
                .with(HealthCodeFixtures.xsrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isUnauthorized());
    mvc.perform(
            post("/api/scan")
                .with(authentication(HealthCodeFixtures.citizen(UUID.randomUUID())))
                .with(HealthCodeFixtures.xsrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("auth.forbidden"));
    mvc.perform(
            post("/api/scan")
                .with(user("sentinel-7").roles("VENUE_SENTINEL"))
                .with(HealthCodeFixtures.xsrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.reason").value("malformed"));
  }

  @Test
  void aBadPurposeOrAnOverlongLocationIsABadRequestAndNothingIsRecorded() throws Exception {
    String location = "x".repeat(121);
    mvc.perform(
            post("/api/scan")
                .with(venueStaff("venue-9"))
                .with(HealthCodeFixtures.xsrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"payload\":\"hello\",\"location\":\"" + location + "\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("request.invalid"));
    mvc.perform(
            post("/api/scan")
                .with(venueStaff("venue-9"))
                .with(HealthCodeFixtures.xsrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"payload\":\"hello\",\"purpose\":\"DROP TABLE\"}"))
        .andExpect(status().isBadRequest());
    mvc.perform(
            post("/api/scan")
                .with(venueStaff("venue-9"))
                .with(HealthCodeFixtures.xsrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{not json"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("request.malformed"));
    assertThat(
            jdbc.sql("SELECT count(*) FROM scan_record WHERE location = ?")
                .param(location)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void auditorsSeeWhoScannedAPersonAndThatReadIsAudited() throws Exception {
    var person = fixtures().person();
    scan(liveCode(person.id()), "venue-audited", "东门");
    var auditor = "auditor-" + UUID.randomUUID();

    mvc.perform(
            get("/api/audit/scans")
                .param("person", person.id().toString())
                .with(user(auditor).roles("AUDITOR")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].scanner").value("staff:venue-audited"))
        .andExpect(jsonPath("$[0].location").value("东门"))
        .andExpect(jsonPath("$[0].result").value("ok"));
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE actor = ? AND action = 'healthcode.scans.read' AND subject = ?")
                .param("staff:" + auditor)
                .param(person.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    mvc.perform(
            get("/api/audit/scans")
                .param("person", person.id().toString())
                .with(venueStaff("venue-x")))
        .andExpect(status().isForbidden());
  }

  @Test
  void manyConcurrentScansAreEachAcknowledgedOnlyOnceCommitted() throws Exception {
    var person = fixtures().person();
    String code = liveCode(person.id());
    String location = "burst " + UUID.randomUUID();
    int scans = 200;
    try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      var results = new java.util.ArrayList<java.util.concurrent.Future<String>>();
      for (int i = 0; i < scans; i++) {
        results.add(
            threads.submit(() -> scan(code, "venue-burst", location).get("reason").asString()));
      }
      for (var result : results) {
        assertThat(result.get()).isEqualTo("ok");
      }
    }
    assertThat(
            jdbc.sql("SELECT count(*) FROM scan_record WHERE location = ?")
                .param(location)
                .query(Long.class)
                .single())
        .isEqualTo(scans);
  }

  @Test
  void scansDecidedTogetherEachGetTheirOwnPersonAndColour() throws Exception {
    var colours = Colour.values();
    var people = new java.util.ArrayList<HealthCodeFixtures.Person>();
    var codes = new java.util.ArrayList<String>();
    for (int i = 0; i < 30; i++) {
      var person = fixtures().person();
      fixtures().colour(person.id(), colours[i % colours.length]);
      people.add(person);
      codes.add(liveCode(person.id()));
    }
    String location = "group " + UUID.randomUUID();
    try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      var decisions = new java.util.ArrayList<java.util.concurrent.Future<JsonNode>>();
      for (int round = 0; round < 3; round++) {
        for (String code : codes) {
          decisions.add(threads.submit(() -> scan(code, "venue-group", location)));
        }
      }
      for (int i = 0; i < decisions.size(); i++) {
        JsonNode decision = decisions.get(i).get();
        var person = people.get(i % people.size());
        assertThat(decision.get("maskedDocument").asString()).isEqualTo(person.maskedDocument());
        assertThat(decision.get("colour").asString())
            .isEqualTo(colours[(i % people.size()) % colours.length].name());
      }
    }
    // and each record names the person it was scanned for, with that person's colour
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM scan_record r JOIN health_status h USING (person_id)"
                        + " WHERE r.location = ? AND r.colour = h.colour")
                .param(location)
                .query(Long.class)
                .single())
        .isEqualTo(90);
  }
}
