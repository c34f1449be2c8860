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
import org.suishen.healthcode.HealthCodeFixtures;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.healthcode.internal.token.TokenCodec;
import org.suishen.natcode.NatFixtures.Resident;
import org.suishen.support.MutableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A family member and a bound dependant (N3, R3): the dependant's NAT code and its print, and the
 * refusals without a binding. The proxy code (R4) is tested in {@code proxycode.ProxyCodesIT}.
 */
@HealthCodeIntegrationTest
class FamilyCodesIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired MutableClock clock;

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
  void withoutABindingThereIsNoNatCodeForSomeoneElse() throws Exception {
    var stranger = fixtures.resident("赵强", 40, NatFixtures.household());
    fixtures.generateFor(mother, child);

    for (var request :
        new org.springframework.test.web.servlet.RequestBuilder[] {
          get("/api/me/dependants/{id}/natcode", child.id()).with(NatFixtures.citizen(stranger)),
          get("/api/me/dependants/{id}/natcode.pdf", child.id())
              .with(NatFixtures.citizen(stranger)),
          post("/api/me/dependants/{id}/natcode", child.id())
              .with(NatFixtures.citizen(stranger))
              .with(HealthCodeFixtures.xsrf()),
          // the child cannot act for the mother either
          post("/api/me/dependants/{id}/natcode", mother.id())
              .with(NatFixtures.citizen(child))
              .with(HealthCodeFixtures.xsrf()),
          // nor anyone for a person who does not exist
          get("/api/me/dependants/{id}/natcode", UUID.randomUUID())
              .with(NatFixtures.citizen(mother))
        }) {
      mvc.perform(request)
          .andExpect(status().isForbidden())
          .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
          .andExpect(jsonPath("$.code").value("dependants.not-bound"));
    }
    assertThat(fixtures.audits("natcode.issued", child.id(), stranger.id())).isZero();
    mvc.perform(
            get("/api/me/dependants/{id}/natcode", "not-a-uuid").with(NatFixtures.citizen(mother)))
        .andExpect(status().isBadRequest());
    mvc.perform(get("/api/me/dependants/{id}/natcode", child.id()))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/api/me/dependants/{id}/natcode", child.id()).with(NatFixtures.venueStaff()))
        .andExpect(status().isForbidden());
  }

  @Test
  void afterUnbindingNoNewNatCodeButTheChildsNatCodeStaysValid() throws Exception {
    String nat = fixtures.generateFor(mother, child);
    mvc.perform(
            delete("/api/me/dependants/{id}", child.id())
                .with(NatFixtures.citizen(mother))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isNoContent());

    mvc.perform(
            post("/api/me/dependants/{id}/natcode", child.id())
                .with(NatFixtures.citizen(mother))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isForbidden());
    assertThat(fixtures.scanReason(nat, NatFixtures.sampler())).isEqualTo("ok");
  }
}
