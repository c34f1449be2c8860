package org.suishen.proxycode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.suishen.healthcode.CodeSubjects;
import org.suishen.healthcode.CodeType;
import org.suishen.healthcode.HealthCodeFixtures;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.healthcode.internal.code.WatermarkTrace;
import org.suishen.healthcode.internal.token.TokenCodec;
import org.suishen.natcode.NatFixtures;
import org.suishen.natcode.NatFixtures.Resident;
import org.suishen.support.MutableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A family member shows a bound dependant's proxy code (R3, R4): the code names both people and
 * scans as the dependant presented by a relative; no binding, no proxy code; the end of the binding
 * voids the code on screen at once.
 */
@HealthCodeIntegrationTest
class ProxyCodesIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired MutableClock clock;
  @Autowired CodeSubjects subjects;

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
                .andExpect(jsonPath("$.relationship").value("CHILD"))
                .andExpect(jsonPath("$.holderMaskedName").value("李*梅"))
                .andExpect(jsonPath("$.colour").value("GREEN"))
                .andExpect(jsonPath("$.expiresInSeconds").value(60))
                .andExpect(jsonPath("$.refreshAfterSeconds").value(30))
                .andReturn()
                .getResponse()
                .getContentAsString());
    var payload = TokenCodec.read(proxy.get("token").asString()).payload();
    assertThat(payload.type()).isEqualTo(CodeType.PROXY);
    assertThat(payload.personRef()).isEqualTo(subjects.referenceOf(child.id()));
    assertThat(payload.holderRef()).isEqualTo(subjects.referenceOf(mother.id()));
    // the watermark traces the screen it is shown on: the mother's, not the child's
    assertThat(proxy.get("watermark").asString())
        .startsWith(WatermarkTrace.of(subjects.referenceOf(mother.id())) + " · ");

    for (var scanner :
        new RequestPostProcessor[] {NatFixtures.venueStaff(), NatFixtures.sampler()}) {
      JsonNode decision = fixtures.scan(proxy.get("token").asString(), scanner);
      assertThat(decision.get("reason").asString()).isEqualTo("ok");
      assertThat(decision.get("codeType").asString()).isEqualTo("PROXY");
      assertThat(decision.get("maskedName").asString()).isEqualTo("李*宝");
      assertThat(decision.get("presentedBy").asString()).isEqualTo("relative");
      assertThat(decision.get("holderMaskedName").asString()).isEqualTo("李*梅");
      assertThat(decision.get("colour").asString()).isEqualTo("GREEN");
      assertThat(decision.get("messageEn").asString()).contains("shown by a relative");
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
  void withoutABindingThereIsNoProxyCode() throws Exception {
    var stranger = fixtures.resident("赵强", 40, NatFixtures.household());

    for (RequestBuilder request :
        new RequestBuilder[] {
          get("/api/me/dependants/{id}/code", child.id()).with(NatFixtures.citizen(stranger)),
          get("/api/me/dependants/{id}/photo", child.id()).with(NatFixtures.citizen(stranger)),
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
    assertThat(fixtures.audits("natcode.proxy-code.shown", child.id(), stranger.id())).isZero();
    assertThat(fixtures.audits("natcode.proxy-photo.shown", child.id(), stranger.id())).isZero();
    mvc.perform(get("/api/me/dependants/{id}/code", "not-a-uuid").with(NatFixtures.citizen(mother)))
        .andExpect(status().isBadRequest());
    mvc.perform(get("/api/me/dependants/{id}/code", child.id()))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/api/me/dependants/{id}/code", child.id()).with(NatFixtures.venueStaff()))
        .andExpect(status().isForbidden());
    // a citizen who has not completed real-name registration holds nobody's proxy code
    mvc.perform(
            get("/api/me/dependants/{id}/code", child.id())
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.authentication(
                        HealthCodeFixtures.citizen(null))))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("proxycode.not-registered"));
  }

  @Test
  void aDependantWhoHasNotDeclaredGetsNoProxyCode() throws Exception {
    String household = NatFixtures.household();
    var father = fixtures.resident("王刚", 38, household);
    var baby = fixtures.resident("王小米", 2, household, false);
    fixtures.bind(father, baby);

    mvc.perform(
            get("/api/me/dependants/{id}/code", baby.id())
                .param("lang", "en")
                .with(NatFixtures.citizen(father)))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("proxycode.declaration-required"))
        .andExpect(jsonPath("$.detail").value(containsString("has not declared")));
    mvc.perform(get("/api/me/dependants/{id}/code", baby.id()).with(NatFixtures.citizen(father)))
        .andExpect(jsonPath("$.detail").value(containsString("尚未进行健康信息登记")));
    assertThat(fixtures.audits("natcode.proxy-code.shown", baby.id(), father.id())).isZero();
  }

  @Test
  void afterUnbindingThereIsNoProxyCodeAndTheOneOnScreenIsVoidAtOnce() throws Exception {
    String proxyOnScreen = fixtures.proxyCode(mother, child);
    assertThat(fixtures.scanReason(proxyOnScreen, NatFixtures.venueStaff())).isEqualTo("ok");
    mvc.perform(
            delete("/api/me/dependants/{id}", child.id())
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
  }
}
