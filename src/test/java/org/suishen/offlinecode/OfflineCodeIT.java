package org.suishen.offlinecode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.suishen.healthcode.HealthCodeFixtures;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.identity.PopulationRegister;
import org.suishen.natcode.NatFixtures;
import org.suishen.natcode.NatFixtures.Resident;
import org.suishen.offlinecode.internal.Channel;
import org.suishen.offlinecode.internal.OfflineCodes;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;
import org.suishen.support.MutableClock;
import org.suishen.support.TestStaffAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The printed offline code on the portal (issue 13, first step): who may apply, one current code,
 * once a day across channels (also two at once), report lost, reissue at a kiosk with the same
 * expiry, re-apply with new days; venue staff accept the paper code, a sentinel refuses it with its
 * own reason; the NAT code and the offline code never affect each other.
 */
@HealthCodeIntegrationTest
class OfflineCodeIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired MutableClock clock;
  @Autowired OfflineCodes codes;
  @Autowired PopulationRegister register;

  NatFixtures people;

  @BeforeEach
  void fixtures() {
    people = new NatFixtures(jdbc, clock, mvc, json);
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  static RequestPostProcessor sentinel() {
    return httpBasic(TestStaffAccounts.SENTINEL, TestStaffAccounts.PASSWORD);
  }

  ResultActions apply(Resident who, String path) throws Exception {
    return mvc.perform(
        post("/api/me/offline-code" + path)
            .with(NatFixtures.citizen(who))
            .with(HealthCodeFixtures.xsrf())
            .param("lang", "en"));
  }

  JsonNode read(ResultActions result) throws Exception {
    return json.readTree(result.andReturn().getResponse().getContentAsString());
  }

  long credentials(Resident who) {
    return jdbc.sql("SELECT count(*) FROM offline_credential WHERE person_id = ?")
        .param(who.id())
        .query(Long.class)
        .single();
  }

  @Test
  void anElderAppliesOnThePortalAndTheCodeIsCheckedByStaffButNotBySentinels() throws Exception {
    var elder = people.resident("张秀英", 75, null);

    JsonNode code = read(apply(elder, "").andExpect(status().isCreated()));
    assertThat(code.get("state").asString()).isEqualTo("VALID");
    assertThat(code.get("channel").asString()).isEqualTo("PORTAL");
    assertThat(
            Duration.between(
                java.time.Instant.parse(code.get("issuedAt").asString()),
                java.time.Instant.parse(code.get("expiresAt").asString())))
        .isEqualTo(Duration.ofDays(180));
    String token = code.get("token").asString();
    // staff accept it, with the person's status; a sentinel refuses it with its own reason
    JsonNode staff = people.scan(token, NatFixtures.venueStaff());
    assertThat(staff.get("reason").asString()).isEqualTo("ok");
    assertThat(people.scanReason(token, sentinel())).isEqualTo("offline-needs-staff-check");
    // still valid on its 179th day (the signing key's grace covers it), expired after 180
    clock.advance(Duration.ofDays(179));
    assertThat(people.scanReason(token, NatFixtures.venueStaff())).isEqualTo("ok");
    clock.advance(Duration.ofDays(2));
    assertThat(people.scanReason(token, NatFixtures.venueStaff())).isEqualTo("expired");
    mvc.perform(get("/api/me/offline-code").with(NatFixtures.citizen(elder)))
        .andExpect(jsonPath("$.state").value("EXPIRED"));
    // the way back after expiry: re-apply, the days start again
    JsonNode again = read(apply(elder, "/reapplication").andExpect(status().isCreated()));
    assertThat(again.get("operation").asString()).isEqualTo("REAPPLY");
    assertThat(people.scanReason(again.get("token").asString(), NatFixtures.venueStaff()))
        .isEqualTo("ok");
  }

  /** O8: the printed sheet names the holder and the mark, embeds its fonts, and its QR scans. */
  @Test
  void theSheetPrintsTheMarkTheNameAndAQrThatStaffAccept() throws Exception {
    var elder = people.resident("欧阳秀英", 75, null);
    apply(elder, "").andExpect(status().isCreated());
    for (String size : java.util.List.of("A4", "CARD")) {
      byte[] pdf =
          mvc.perform(
                  get("/api/me/offline-code.pdf")
                      .param("size", size)
                      .with(NatFixtures.citizen(elder)))
              .andExpect(status().isOk())
              .andExpect(
                  org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                      .contentType("application/pdf"))
              .andReturn()
              .getResponse()
              .getContentAsByteArray();
      try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
        String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        assertThat(text).contains("离线随申码", "欧阳秀英", "有效期至");
        var resources = document.getPage(0).getResources();
        for (var name : resources.getFontNames()) {
          var font = resources.getFont(name);
          assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
        }
      }
      // the QR read back from the print by an independent reader is accepted by venue staff
      assertThat(people.scanReason(NatFixtures.qrOf(pdf), NatFixtures.venueStaff()))
          .isEqualTo("ok");
    }
    assertThat(people.audits("offlinecode.reprinted", elder.id(), null)).isEqualTo(2);
    mvc.perform(
            get("/api/me/offline-code.pdf").param("size", "A3").with(NatFixtures.citizen(elder)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("offlinecode.pdf.size"));
  }

  @Test
  void onlyTheEligibleMayApplyAndTheRefusalWritesNothing() throws Exception {
    var adult = people.resident("李建国", 40, null);
    apply(adult, "")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("offlinecode.not-eligible"));
    assertThat(credentials(adult)).isZero();
    var certificateHolder = people.resident("王残疾", 40, null);
    jdbc.sql("UPDATE person SET disability_certificate = TRUE WHERE id = ?")
        .param(certificateHolder.id())
        .update();
    apply(certificateHolder, "").andExpect(status().isCreated());
    // a child (17) may
    apply(people.resident("周小雨", 17, null), "").andExpect(status().isCreated());
  }

  @Test
  void oneCodeAtATimeOnceADayAndLostMeansVoidAtOnce() throws Exception {
    var elder = people.resident("钱老伯", 80, null);
    String first = read(apply(elder, "").andExpect(status().isCreated())).get("token").asString();
    apply(elder, "")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("offlinecode.already-applied"));
    // re-applying the same day is refused: once a day across channels
    apply(elder, "/reapplication")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("offlinecode.once-a-day"));
    assertThat(people.scanReason(first, NatFixtures.venueStaff())).isEqualTo("ok");
    // reported lost: the print is void at once
    mvc.perform(
            post("/api/me/offline-code/loss")
                .with(NatFixtures.citizen(elder))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("LOST"));
    assertThat(people.scanReason(first, NatFixtures.venueStaff())).isEqualTo("revoked");
    // terminals learn it from the revocation feed
    UUID voided =
        codes.latest(register.find(elder.id()).orElseThrow()).orElseThrow().credentialId();
    var bytes =
        java.nio.ByteBuffer.allocate(16)
            .putLong(voided.getMostSignificantBits())
            .putLong(voided.getLeastSignificantBits())
            .array();
    String id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    JsonNode feed =
        read(
            mvc.perform(get("/api/revocations/offline").param("since", "0"))
                .andExpect(status().isOk()));
    assertThat(feed.get("revoked").valueStream().map(e -> e.get("id").asString())).contains(id);
    mvc.perform(get("/api/revocations/offline").param("since", "-1"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("offlinecode.feed.since"));
    // a reissue is for kiosks; at a kiosk, the next day, it keeps the first code's expiry
    var person = register.find(elder.id()).orElseThrow();
    Actor kiosk = Actor.device(TestStaffAccounts.KIOSK);
    assertThat(codes.latest(person).orElseThrow().voidReason()).isEqualTo("LOST");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> codes.reissue(person, Channel.PORTAL, kiosk, null))
        .isInstanceOf(SuishenException.class)
        .hasFieldOrPropertyWithValue("code", "offlinecode.kiosk-only");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> codes.reissue(person, Channel.KIOSK, kiosk, null))
        .hasFieldOrPropertyWithValue("code", "offlinecode.once-a-day");
    var expiry = codes.latest(person).orElseThrow().expiresAt();
    clock.advance(Duration.ofDays(1));
    var reissued = codes.reissue(person, Channel.KIOSK, kiosk, null);
    assertThat(reissued.credential().expiresAt()).isEqualTo(expiry);
    assertThat(reissued.credential().operation()).isEqualTo("REISSUE");
    assertThat(people.scanReason(reissued.token(), NatFixtures.venueStaff())).isEqualTo("ok");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> codes.reapply(person, Channel.KIOSK, kiosk, null))
        .hasFieldOrPropertyWithValue("code", "offlinecode.portal-only");
  }

  @Test
  void twoKiosksApplyingForOnePersonAtOnceLeaveOneCode() throws Exception {
    var elder = people.resident("孙奶奶", 88, null);
    var person = register.find(elder.id()).orElseThrow();
    var start = new CountDownLatch(1);
    Callable<String> attempt =
        () -> {
          start.await();
          try {
            codes.apply(person, Channel.KIOSK, Actor.device(TestStaffAccounts.KIOSK), null);
            return "issued";
          } catch (SuishenException e) {
            return e.code();
          }
        };
    try (var pool = Executors.newFixedThreadPool(2)) {
      var one = pool.submit(attempt);
      var two = pool.submit(attempt);
      start.countDown();
      assertThat(java.util.List.of(one.get(), two.get()))
          .containsExactlyInAnyOrder("issued", "offlinecode.already-applied");
    }
    assertThat(credentials(elder)).isEqualTo(1);
  }

  @Test
  void aDaughterAppliesForHerFatherAndStrangersCannot() throws Exception {
    String household = NatFixtures.household();
    var daughter = people.resident("刘美玲", 40, household);
    var father = people.resident("刘国庆", 70, household);
    var stranger = people.resident("陌生人", 40, null);
    people.bind(daughter, father, "PARENT");

    apply(daughter, "").andExpect(status().isUnprocessableContent());
    mvc.perform(
            post("/api/me/dependants/" + father.id() + "/offline-code")
                .with(NatFixtures.citizen(daughter))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.maskedName").value("刘*庆"));
    mvc.perform(
            post("/api/me/dependants/" + father.id() + "/offline-code")
                .with(NatFixtures.citizen(stranger))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("dependants.not-bound"));
    assertThat(people.audits("offlinecode.applied", father.id(), daughter.id())).isEqualTo(1);
  }

  @Test
  void theNatCodeAndTheOfflineCodeNeverAffectEachOther() throws Exception {
    var elder = people.resident("吴大爷", 72, null);
    String offline = read(apply(elder, "").andExpect(status().isCreated())).get("token").asString();
    String nat = people.generate(elder);
    people.generate(elder);
    assertThat(people.scanReason(offline, NatFixtures.venueStaff())).isEqualTo("ok");
    clock.advance(Duration.ofDays(1));
    String reapplied =
        read(apply(elder, "/reapplication").andExpect(status().isCreated()))
            .get("token")
            .asString();
    assertThat(people.scanReason(offline, NatFixtures.venueStaff())).isEqualTo("revoked");
    assertThat(people.scanReason(reapplied, NatFixtures.venueStaff())).isEqualTo("ok");
    String latestNat = people.generate(elder);
    assertThat(people.scanReason(latestNat, NatFixtures.sampler())).isEqualTo("ok");
    assertThat(nat).isNotEqualTo(latestNat);
  }

  /**
   * 002: the printed code, the live code and the proxy code are separate credentials: applying,
   * reporting lost and re-applying touch none of the others, and showing the others voids no print.
   * A sampling table accepts the paper code while it is valid (O10) and refuses a voided one.
   */
  @Test
  void theLiveAndProxyCodesAndTheOfflineCodeNeverAffectEachOther() throws Exception {
    String household = NatFixtures.household();
    var daughter = people.resident("周丽华", 41, household);
    var father = people.resident("周国强", 79, household);
    people.bind(daughter, father);
    var sampling = new org.suishen.sampling.SamplingFixtures(mvc, json);
    sampling.site("天平社区");

    String live = people.liveCode(father);
    String proxy = people.proxyCode(daughter, father);
    String offline =
        read(mvc.perform(
                    post("/api/me/dependants/" + father.id() + "/offline-code")
                        .with(NatFixtures.citizen(daughter))
                        .with(HealthCodeFixtures.xsrf()))
                .andExpect(status().isCreated()))
            .get("token")
            .asString();
    // the new print voided neither phone code, and new phone codes void no print
    assertThat(people.scanReason(live, NatFixtures.venueStaff())).isEqualTo("ok");
    assertThat(people.scanReason(proxy, NatFixtures.venueStaff())).isEqualTo("ok");
    String liveAgain = people.liveCode(father);
    String proxyAgain = people.proxyCode(daughter, father);
    assertThat(people.scanReason(offline, NatFixtures.venueStaff())).isEqualTo("ok");
    // at the sampling table the paper code registers the father, and changes no code
    String tube = sampling.openTube(5);
    JsonNode registered =
        sampling.read(
            sampling
                .register(tube, org.suishen.sampling.SamplingFixtures.code(offline))
                .andExpect(status().isOk()));
    assertThat(registered.get("credential").asString()).isEqualTo("OFFLINE");
    assertThat(registered.get("maskedName").asString()).isEqualTo("周*强");
    assertThat(people.scanReason(offline, NatFixtures.venueStaff())).isEqualTo("ok");
    assertThat(people.scanReason(liveAgain, NatFixtures.venueStaff())).isEqualTo("ok");

    // reported lost: the print is void at once, the phone codes stand
    mvc.perform(
            post("/api/me/dependants/" + father.id() + "/offline-code/loss")
                .with(NatFixtures.citizen(daughter))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isOk());
    assertThat(people.scanReason(offline, NatFixtures.venueStaff())).isEqualTo("revoked");
    assertThat(people.scanReason(liveAgain, NatFixtures.venueStaff())).isEqualTo("ok");
    assertThat(people.scanReason(proxyAgain, NatFixtures.venueStaff())).isEqualTo("ok");
    sampling
        .register(sampling.openTube(5), org.suishen.sampling.SamplingFixtures.code(offline))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.code").value("sampling.code.revoked"));
  }
}
