package org.suishen.natcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.suishen.dependants.Dependants;
import org.suishen.healthcode.CodeSubjects;
import org.suishen.healthcode.CodeType;
import org.suishen.healthcode.HealthCodeFixtures;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.healthcode.internal.token.TokenCodec;
import org.suishen.natcode.NatFixtures.Resident;
import org.suishen.support.MutableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A family member and a bound dependant (N3, R3, R4): the dependant's NAT code and its print, the
 * proxy code, and the refusals without a binding.
 */
@HealthCodeIntegrationTest
class FamilyCodesIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired MutableClock clock;
  @Autowired CodeSubjects subjects;
  @Autowired Dependants dependants;

  NatFixtures fixtures;
  Resident mother;
  Resident child;

  @BeforeEach
  void motherAndChild() throws Exception {
    fixtures = new NatFixtures(jdbc, clock, mvc, json);
    String household = NatFixtures.household();
    mother = fixtures.resident("李红梅", 34, household);
    child = fixtures.resident("李小宝", 5, household);
    fixtures.bind(mother, child);
  }

  @Test
  void aMotherGeneratesHerChildsNatCodeWhichScansAsTheChild() throws Exception {
    mvc.perform(
            post("/api/me/dependants/{id}/natcode", child.id())
                .with(NatFixtures.citizen(mother))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.maskedName").value("李*宝"))
        .andExpect(
            jsonPath("$.pdfA4").value("/api/me/dependants/" + child.id() + "/natcode.pdf?size=A4"));
    String token =
        fixtures
            .read(
                mvc.perform(
                        get("/api/me/dependants/{id}/natcode", child.id())
                            .with(NatFixtures.citizen(mother)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString())
            .get("token")
            .asString();

    JsonNode decision = fixtures.scan(token, NatFixtures.sampler());
    assertThat(decision.get("reason").asString()).isEqualTo("ok");
    assertThat(decision.get("maskedName").asString()).isEqualTo("李*宝");
    assertThat(
            jdbc.sql("SELECT person_id FROM nat_credential WHERE credential_id = ?")
                .param(TokenCodec.read(token).payload().personRef())
                .query(UUID.class)
                .single())
        .isEqualTo(child.id());
    assertThat(fixtures.audits("natcode.issued", child.id(), mother.id())).isEqualTo(1);
    assertThat(fixtures.audits("natcode.viewed", child.id(), mother.id())).isEqualTo(1);
    // the mother's own NAT code is another matter: she has none
    mvc.perform(get("/api/me/natcode").with(NatFixtures.citizen(mother)))
        .andExpect(status().isNotFound());
  }

  @Test
  void thePrintedCodeCarriesTheQrCodeTheNameAndTheExpiry() throws Exception {
    String token = fixtures.generateFor(mother, child);
    for (String size : new String[] {"A4", "CARD", "card"}) {
      byte[] pdf =
          mvc.perform(
                  get("/api/me/dependants/{id}/natcode.pdf", child.id())
                      .param("size", size)
                      .with(NatFixtures.citizen(mother)))
              .andExpect(status().isOk())
              .andExpect(content().contentType("application/pdf"))
              .andExpect(header().string("Cache-Control", "no-store"))
              .andExpect(
                  header()
                      .string(
                          "Content-Disposition",
                          org.hamcrest.Matchers.startsWith("inline; filename=\"natcode-")))
              .andReturn()
              .getResponse()
              .getContentAsByteArray();
      assertThat(NatFixtures.qrOf(pdf)).isEqualTo(token);
      try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
        String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        assertThat(text).contains("李*宝", "NAT code", "核酸码");
        String expires =
            fixtures
                .read(
                    mvc.perform(
                            get("/api/me/dependants/{id}/natcode", child.id())
                                .with(NatFixtures.citizen(mother)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("expiresAt")
                .asString();
        String day =
            java.time.Instant.parse(expires)
                .atZone(java.time.ZoneId.of("Asia/Shanghai"))
                .toLocalDate()
                .toString();
        assertThat(text).contains(day).doesNotContain("李小宝").doesNotContain(child.documentNumber());
      }
    }
    assertThat(fixtures.audits("natcode.printed", child.id(), mother.id())).isEqualTo(3);

    mvc.perform(
            get("/api/me/dependants/{id}/natcode.pdf", child.id())
                .param("size", "A3")
                .with(NatFixtures.citizen(mother)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("natcode.pdf.size"));
  }

  @Test
  void aCitizenPrintsTheirOwnCode() throws Exception {
    String token = fixtures.generate(mother);
    byte[] pdf =
        mvc.perform(get("/api/me/natcode.pdf").with(NatFixtures.citizen(mother)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(NatFixtures.qrOf(pdf)).isEqualTo(token);
  }

  @Test
  void theProxyCodeShowsTheChildsLiveCodePresentedByTheMother() throws Exception {
    JsonNode proxy =
        fixtures.read(
            mvc.perform(
                    get("/api/me/dependants/{id}/code", child.id())
                        .with(NatFixtures.citizen(mother)))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.codeType").value("PROXY"))
                .andExpect(jsonPath("$.maskedName").value("李*宝"))
                .andExpect(jsonPath("$.holderMaskedName").value("李*梅"))
                .andExpect(jsonPath("$.colour").value("GREEN"))
                .andReturn()
                .getResponse()
                .getContentAsString());
    var payload = TokenCodec.read(proxy.get("token").asString()).payload();
    assertThat(payload.type()).isEqualTo(CodeType.PROXY);
    assertThat(payload.personRef()).isEqualTo(subjects.referenceOf(child.id()));
    assertThat(payload.holderRef()).isEqualTo(subjects.referenceOf(mother.id()));
    // the watermark traces the screen it is shown on: the mother's, not the child's
    assertThat(proxy.get("watermark").asString())
        .startsWith(
            org.suishen.healthcode.internal.code.WatermarkTrace.of(
                    subjects.referenceOf(mother.id()))
                + " · ");

    for (var scanner :
        new org.springframework.test.web.servlet.request.RequestPostProcessor[] {
          NatFixtures.venueStaff(), NatFixtures.sampler()
        }) {
      JsonNode decision = fixtures.scan(proxy.get("token").asString(), scanner);
      assertThat(decision.get("reason").asString()).isEqualTo("ok");
      assertThat(decision.get("codeType").asString()).isEqualTo("PROXY");
      assertThat(decision.get("maskedName").asString()).isEqualTo("李*宝");
      assertThat(decision.get("presentedBy").asString()).isEqualTo("relative");
      assertThat(decision.get("holderMaskedName").asString()).isEqualTo("李*梅");
      assertThat(decision.get("colour").asString()).isEqualTo("GREEN");
    }
    assertThat(fixtures.audits("natcode.proxy-code.shown", child.id(), mother.id())).isEqualTo(1);

    // the child's photo goes with the proxy code (H3), to the mother only, audited with both
    assertThat(proxy.get("photoUrl").asString())
        .isEqualTo("/api/me/dependants/" + child.id() + "/photo");
    mvc.perform(get("/api/me/dependants/{id}/photo", child.id()).with(NatFixtures.citizen(mother)))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("image/svg+xml"))
        .andExpect(header().string("Cache-Control", "max-age=300, private"));
    assertThat(fixtures.audits("natcode.proxy-photo.shown", child.id(), mother.id())).isEqualTo(1);

    // the child's own live code is presented by nobody else
    JsonNode own = fixtures.scan(fixtures.liveCode(child), NatFixtures.venueStaff());
    assertThat(own.get("reason").asString()).isEqualTo("ok");
    assertThat(own.get("presentedBy").isNull()).isTrue();
  }

  @Test
  void withoutABindingThereIsNoProxy() throws Exception {
    var stranger = fixtures.resident("赵强", 40, NatFixtures.household());
    fixtures.generateFor(mother, child);

    for (var request :
        new org.springframework.test.web.servlet.RequestBuilder[] {
          get("/api/me/dependants/{id}/code", child.id()).with(NatFixtures.citizen(stranger)),
          get("/api/me/dependants/{id}/photo", child.id()).with(NatFixtures.citizen(stranger)),
          get("/api/me/dependants/{id}/natcode", child.id()).with(NatFixtures.citizen(stranger)),
          get("/api/me/dependants/{id}/natcode.pdf", child.id())
              .with(NatFixtures.citizen(stranger)),
          post("/api/me/dependants/{id}/natcode", child.id())
              .with(NatFixtures.citizen(stranger))
              .with(HealthCodeFixtures.xsrf()),
          // the child cannot act for the mother either
          get("/api/me/dependants/{id}/code", mother.id()).with(NatFixtures.citizen(child)),
          // nor anyone for a person who does not exist
          get("/api/me/dependants/{id}/code", UUID.randomUUID()).with(NatFixtures.citizen(mother))
        }) {
      mvc.perform(request)
          .andExpect(status().isForbidden())
          .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
          .andExpect(jsonPath("$.code").value("dependants.not-bound"));
    }
    assertThat(fixtures.audits("natcode.issued", child.id(), stranger.id())).isZero();
    mvc.perform(get("/api/me/dependants/{id}/code", "not-a-uuid").with(NatFixtures.citizen(mother)))
        .andExpect(status().isBadRequest());
    mvc.perform(get("/api/me/dependants/{id}/code", child.id()))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/api/me/dependants/{id}/code", child.id()).with(NatFixtures.venueStaff()))
        .andExpect(status().isForbidden());
  }

  @Test
  void afterUnbindingNoNewProxyCodeButTheChildsNatCodeStaysValid() throws Exception {
    String nat = fixtures.generateFor(mother, child);
    String proxyOnScreen = fixtures.proxyCode(mother, child);
    assertThat(fixtures.scanReason(proxyOnScreen, NatFixtures.venueStaff())).isEqualTo("ok");
    UUID bindingId = dependants.of(mother.id()).getFirst().id();
    mvc.perform(
            delete("/api/me/dependants/{id}", bindingId)
                .with(NatFixtures.citizen(mother))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isNoContent());

    mvc.perform(get("/api/me/dependants/{id}/code", child.id()).with(NatFixtures.citizen(mother)))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("dependants.not-bound"));
    // the proxy code still on the mother's screen is void at once, not only when it expires
    JsonNode refused = fixtures.scan(proxyOnScreen, NatFixtures.venueStaff());
    assertThat(refused.get("reason").asString()).isEqualTo("revoked");
    assertThat(refused.get("messageEn").asString()).contains("family binding has ended");
    assertThat(refused.get("maskedName").isNull()).isTrue();
    mvc.perform(
            post("/api/me/dependants/{id}/natcode", child.id())
                .with(NatFixtures.citizen(mother))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isForbidden());
    assertThat(fixtures.scanReason(nat, NatFixtures.sampler())).isEqualTo("ok");
  }
}
