package org.suishen.natcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.healthcode.CodeType;
import org.suishen.healthcode.HealthCodeFixtures;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.healthcode.internal.token.Base45;
import org.suishen.healthcode.internal.token.OfflineVerification;
import org.suishen.healthcode.internal.token.TokenCodec;
import org.suishen.identity.PopulationRegister;
import org.suishen.natcode.NatFixtures.Resident;
import org.suishen.natcode.internal.FeedPartitions;
import org.suishen.natcode.internal.NatCodes;
import org.suishen.shared.security.Actor;
import org.suishen.support.MutableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The NAT code (N1, N2, N4): generation, offline verification, scanning, voiding, the feed. */
@HealthCodeIntegrationTest
class NatCodeIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired MutableClock clock;
  @Autowired NatCodes codes;
  @Autowired PopulationRegister register;
  @Autowired TransactionTemplate transactions;

  NatFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new NatFixtures(jdbc, clock, mvc, json);
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  Resident someone() {
    return fixtures.resident("王小明", 35, null);
  }

  @Test
  void oneTapGeneratesAThirtyDayCodeThatNamesOnlyARandomCredential() throws Exception {
    var person = someone();
    JsonNode code =
        fixtures.read(
            mvc.perform(
                    post("/api/me/natcode")
                        .with(NatFixtures.citizen(person))
                        .with(HealthCodeFixtures.xsrf()))
                .andExpect(status().isCreated())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.codeType").value("NAT"))
                .andExpect(jsonPath("$.maskedName").value("王*明"))
                .andExpect(jsonPath("$.pdfA4").value("/api/me/natcode.pdf?size=A4"))
                .andReturn()
                .getResponse()
                .getContentAsString());
    Instant issued = Instant.parse(code.get("issuedAt").asString());
    Instant expires = Instant.parse(code.get("expiresAt").asString());
    assertThat(Duration.between(issued, expires)).isEqualTo(Duration.ofDays(30));
    assertThat(code.get("expiresInSeconds").asLong()).isBetween(30L * 86_400 - 60, 30L * 86_400);

    String token = code.get("token").asString();
    var payload = TokenCodec.read(token).payload();
    assertThat(payload.type()).isEqualTo(CodeType.NAT);
    assertThat(payload.colour()).isNull();
    assertThat(payload.expiresAt()).isEqualTo(expires);
    var row =
        jdbc.sql(
                "SELECT person_id, revoked_at, expires_at FROM nat_credential WHERE credential_id = ?")
            .param(payload.personRef())
            .query()
            .singleRow();
    assertThat(row.get("person_id")).isEqualTo(person.id());
    assertThat(row.get("revoked_at")).isNull();
    // the credential id is neither the person id nor the live code's person reference
    assertThat(payload.personRef()).isNotEqualTo(person.id());
    assertThat(
            jdbc.sql("SELECT count(*) FROM code_subject WHERE person_ref = ?")
                .param(payload.personRef())
                .query(Long.class)
                .single())
        .isZero();
    assertThat(token).doesNotContain(person.documentNumber());
    assertThat(fixtures.audits("natcode.issued", person.id(), null)).isEqualTo(1);

    // the same code again (static): GET answers the same token
    mvc.perform(get("/api/me/natcode").with(NatFixtures.citizen(person)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.token").value(token));
  }

  @Test
  void aTerminalVerifiesTheCodeOfflineWithThePublishedKeys() throws Exception {
    String token = fixtures.generate(someone());
    JsonNode keys =
        fixtures.read(mvc.perform(get("/api/keys")).andReturn().getResponse().getContentAsString());
    Map<Integer, byte[]> published = new HashMap<>();
    keys.get("keys")
        .forEach(
            k ->
                published.put(
                    k.get("kid").asInt(), Base64.getUrlDecoder().decode(k.get("x").asString())));

    var verified = OfflineVerification.verify(token, published);
    assertThat(verified).isNotNull();
    assertThat(verified.type()).isEqualTo(CodeType.NAT);
    assertThat(verified.expiresAt()).isAfter(clock.instant().plus(Duration.ofDays(29)));

    byte[] bytes = Base45.decode(token, TokenCodec.PREFIX.length());
    bytes[10] ^= 1; // a changed credential id
    assertThat(OfflineVerification.verify(TokenCodec.PREFIX + Base45.encode(bytes), published))
        .isNull();
  }

  @Test
  void samplersScanItAndRegistrationFillsInButVenuesRefuseIt() throws Exception {
    var person = someone();
    String token = fixtures.generate(person);

    JsonNode decision = fixtures.scan(token, NatFixtures.sampler());
    assertThat(decision.get("valid").asBoolean()).isTrue();
    assertThat(decision.get("reason").asString()).isEqualTo("ok");
    assertThat(decision.get("codeType").asString()).isEqualTo("NAT");
    assertThat(decision.get("maskedName").asString()).isEqualTo("王*明");
    assertThat(decision.get("maskedDocument").asString())
        .isEqualTo(
            person.documentNumber().substring(0, 4)
                + "**********"
                + person.documentNumber().substring(14));
    assertThat(decision.get("colour").isNull()).isTrue();
    assertThat(decision.get("messageZh").asString()).contains("核酸码有效");

    assertThat(fixtures.scanReason(token, NatFixtures.samplingTerminal())).isEqualTo("ok");
    JsonNode atVenue = fixtures.scan(token, NatFixtures.venueStaff());
    assertThat(atVenue.get("reason").asString()).isEqualTo("wrong-code-type");
    assertThat(atVenue.get("maskedName").isNull()).isTrue();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM scan_record WHERE person_id = ? AND code_type = 'NAT'"
                        + " AND result = 'ok' AND scanner = 'staff:sampler'")
                .param(person.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aNewCodeVoidsTheOldOneAtOnceAndTheFeedAnnouncesIt() throws Exception {
    var person = someone();
    String first = fixtures.generate(person);
    UUID firstId = TokenCodec.read(first).payload().personRef();
    String second = fixtures.generate(person);
    UUID secondId = TokenCodec.read(second).payload().personRef();

    JsonNode refused = fixtures.scan(first, NatFixtures.sampler());
    assertThat(refused.get("reason").asString()).isEqualTo("revoked");
    assertThat(refused.get("valid").asBoolean()).isFalse();
    assertThat(refused.get("messageZh").asString()).contains("作废");
    assertThat(fixtures.scanReason(second, NatFixtures.sampler())).isEqualTo("ok");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM nat_credential WHERE person_id = ? AND revoked_at IS NULL")
                .param(person.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(fixtures.audits("natcode.issued", person.id(), null)).isEqualTo(2);

    assertThat(feedIds(firstId)).contains(base64Url(firstId));
    assertThat(feedIds(secondId)).doesNotContain(base64Url(secondId));
  }

  @Test
  void anExpiredCodeIsRefusedAsExpiredAndIsNoLongerShown() throws Exception {
    var person = someone();
    String token = fixtures.generate(person);
    UUID id = TokenCodec.read(token).payload().personRef();
    clock.advance(Duration.ofDays(30).plusMinutes(1));

    JsonNode decision = fixtures.scan(token, NatFixtures.sampler());
    assertThat(decision.get("reason").asString()).isEqualTo("expired");
    assertThat(decision.get("messageEn").asString()).contains("expired");
    mvc.perform(get("/api/me/natcode").with(NatFixtures.citizen(person)))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("natcode.none"));
    mvc.perform(get("/api/me/natcode.pdf").with(NatFixtures.citizen(person)))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("natcode.none"));

    // a new code after expiry voids the expired one, which needs no feed entry
    String renewed = fixtures.generate(person);
    assertThat(fixtures.scanReason(renewed, NatFixtures.sampler())).isEqualTo("ok");
    var old =
        jdbc.sql(
                "SELECT revoked_at, revocation_version FROM nat_credential WHERE credential_id = ?")
            .param(id)
            .query()
            .singleRow();
    assertThat(old.get("revoked_at")).isNotNull();
    assertThat(old.get("revocation_version")).isNull();
  }

  @Test
  void aForgedOrAlteredCodeIsABadSignature() throws Exception {
    String token = fixtures.generate(someone());
    byte[] bytes = Base45.decode(token, TokenCodec.PREFIX.length());
    byte[] otherCredential = bytes.clone();
    otherCredential[8] ^= 0x40; // inside the credential id
    byte[] laterExpiry = bytes.clone();
    laterExpiry[27] ^= 0x01; // inside expires-at
    byte[] otherType = bytes.clone();
    otherType[1] = (byte) CodeType.LIVE.wireId();

    for (byte[] forged : List.of(otherCredential, laterExpiry, otherType)) {
      JsonNode decision =
          fixtures.scan(TokenCodec.PREFIX + Base45.encode(forged), NatFixtures.sampler());
      assertThat(decision.get("reason").asString()).isEqualTo("bad-signature");
      assertThat(decision.get("maskedName").isNull()).isTrue();
    }
  }

  @Test
  void twoTapsAtOnceLeaveExactlyOneValidCode() throws Exception {
    var person = someone();
    var personRecord = register.find(person.id()).orElseThrow();
    var pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<String>> taps = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        taps.add(() -> codes.generate(personRecord, Actor.citizen("test"), null).token());
      }
      List<String> tokens = new ArrayList<>();
      for (var future : pool.invokeAll(taps)) {
        tokens.add(future.get());
      }
      long valid = 0;
      for (String token : tokens) {
        if (fixtures.scanReason(token, NatFixtures.sampler()).equals("ok")) {
          valid++;
        }
      }
      assertThat(valid).isEqualTo(1);
      assertThat(
              jdbc.sql("SELECT count(*) FROM nat_credential WHERE person_id = ?")
                  .param(person.id())
                  .query(Long.class)
                  .single())
          .isEqualTo(4);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aVoidingCommittedLateIsNotSkippedByATerminalThatPolledMeanwhile() throws Exception {
    var slow = someone();
    var fast = someone();
    String slowFirst = fixtures.generate(slow);
    UUID slowId = TokenCodec.read(slowFirst).payload().personRef();
    fixtures.generate(fast);
    var slowRecord = register.find(slow.id()).orElseThrow();
    var fastRecord = register.find(fast.id()).orElseThrow();

    var voided = new CountDownLatch(1);
    var commit = new CountDownLatch(1);
    var pool = Executors.newSingleThreadExecutor();
    try {
      var pending =
          pool.submit(
              () ->
                  transactions.execute(
                      tx -> {
                        codes.generate(slowRecord, Actor.citizen("test"), null);
                        voided.countDown();
                        await(commit);
                        return null;
                      }));
      assertThat(voided.await(10, TimeUnit.SECONDS)).isTrue();
      codes.generate(fastRecord, Actor.citizen("test"), null); // commits while the other is open

      int partition = FeedPartitions.partitionOf(FeedPartitions.bucketOf(slowId), 16);
      JsonNode before = feed(0, partition);
      assertThat(ids(before)).doesNotContain(base64Url(slowId));
      long next = before.get("next").asLong();

      commit.countDown();
      pending.get(10, TimeUnit.SECONDS);
      assertThat(ids(feed(next, partition))).contains(base64Url(slowId));
    } finally {
      commit.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void theFeedIsPublicCacheableAndRefusesBadInput() throws Exception {
    var result =
        mvc.perform(get("/api/revocations/nat").param("since", "0").param("partition", "3"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.partition").value(3))
            .andExpect(jsonPath("$.partitions").value(16))
            .andExpect(header().string("Cache-Control", "max-age=30, public"))
            .andReturn();
    String etag = result.getResponse().getHeader("ETag");
    assertThat(etag).isNotBlank();
    long next = fixtures.read(result.getResponse().getContentAsString()).get("next").asLong();
    mvc.perform(
            get("/api/revocations/nat")
                .param("since", String.valueOf(next))
                .param("partition", "3"))
        .andExpect(status().isOk());

    for (String partition : List.of("16", "-1", "x", "")) {
      mvc.perform(get("/api/revocations/nat").param("since", "0").param("partition", partition))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("natcode.feed.partition"))
          .andExpect(jsonPath("$.messageEn").value(org.hamcrest.Matchers.containsString("15")));
    }
    for (String since : List.of("-5", "abc", "1e9")) {
      mvc.perform(get("/api/revocations/nat").param("since", since).param("partition", "0"))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("natcode.feed.since"));
    }
  }

  @Test
  void onlyRegisteredCitizensHaveNatCodes() throws Exception {
    mvc.perform(post("/api/me/natcode").with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isUnauthorized());
    mvc.perform(post("/api/me/natcode").with(NatFixtures.sampler()))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/me/natcode").with(NatFixtures.samplingTerminal()))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/me/natcode")
                .with(authentication(HealthCodeFixtures.citizen(null)))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("natcode.not-registered"))
        .andExpect(jsonPath("$.messageZh").value(org.hamcrest.Matchers.containsString("实名")));
    mvc.perform(
            post("/api/me/natcode")
                .with(authentication(HealthCodeFixtures.citizen(UUID.randomUUID())))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("natcode.person-unknown"));
    // a citizen cannot scan
    String token = fixtures.generate(someone());
    mvc.perform(
            post("/api/scan")
                .with(NatFixtures.citizen(someone()))
                .with(HealthCodeFixtures.xsrf())
                .contentType("application/json")
                .content("{\"payload\":\"" + token + "\"}"))
        .andExpect(status().isForbidden());
  }

  JsonNode feed(long since, int partition) throws Exception {
    return fixtures.read(
        mvc.perform(
                get("/api/revocations/nat")
                    .param("since", String.valueOf(since))
                    .param("partition", String.valueOf(partition)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  /** Every id of the credential's partition, walking the feed from the start. */
  List<String> feedIds(UUID credentialId) throws Exception {
    int partition = FeedPartitions.partitionOf(FeedPartitions.bucketOf(credentialId), 16);
    List<String> all = new ArrayList<>();
    long since = 0;
    JsonNode page;
    do {
      page = feed(since, partition);
      all.addAll(ids(page));
      since = page.get("next").asLong();
    } while (page.get("more").asBoolean());
    return all;
  }

  static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("revoked").forEach(e -> ids.add(e.get("id").asString()));
    return ids;
  }

  static String base64Url(UUID id) {
    var buffer = java.nio.ByteBuffer.allocate(16);
    buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
  }

  static void await(CountDownLatch latch) {
    try {
      latch.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
