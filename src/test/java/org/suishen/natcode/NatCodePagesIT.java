package org.suishen.natcode;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.suishen.healthcode.HealthCodeFixtures;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.support.MutableClock;
import tools.jackson.databind.json.JsonMapper;

/** The pages work without JavaScript: generate by a form, see the code and its expiry, print. */
@HealthCodeIntegrationTest
class NatCodePagesIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired MutableClock clock;

  NatFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new NatFixtures(jdbc, clock, mvc, json);
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void aCitizenGeneratesTheirCodeWithOneButtonAndSeesItsExpiry() throws Exception {
    var person = fixtures.resident("周杰", 28, null);
    mvc.perform(get("/me/natcode").with(NatFixtures.citizen(person)))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("id=\"no-code\""),
                        containsString("生成核酸码"),
                        containsString("name=\"_csrf\""),
                        not(containsString("id=\"qr\"")))));

    mvc.perform(
            post("/me/natcode").with(NatFixtures.citizen(person)).with(HealthCodeFixtures.xsrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/me/natcode"))
        // the first code voids nothing: the page says it is ready, not that earlier ones are void
        .andExpect(flash().attribute("done", "first"));

    mvc.perform(get("/me/natcode").with(NatFixtures.citizen(person)))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("data-token=\"SSC:"),
                        containsString("有效期至"),
                        containsString("还剩 30 天"),
                        containsString("周*"),
                        containsString("重新生成核酸码"),
                        containsString("/api/me/natcode.pdf?size=A4"),
                        containsString("/api/me/natcode.pdf?size=CARD"),
                        containsString("/js/natcode-page.js"))));
    mvc.perform(get("/me/natcode").param("lang", "en").with(NatFixtures.citizen(person)))
        .andExpect(
            content().string(allOf(containsString("Valid until"), containsString("30 days left"))));

    clock.advance(Duration.ofDays(31));
    mvc.perform(get("/me/natcode").with(NatFixtures.citizen(person)))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("id=\"expired\""),
                        containsString("生成核酸码"),
                        not(containsString("data-token=\"SSC:")))));
  }

  @Test
  void theDependantsListOffersTheProxyCodeTheNatCodeAndPrinting() throws Exception {
    String household = NatFixtures.household();
    var father = fixtures.resident("孙伟", 45, household);
    var grandma = fixtures.resident("孙秀英", 78, household);
    fixtures.bind(father, grandma, "PARENT");

    mvc.perform(get("/me/dependants").with(NatFixtures.citizen(father)))
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("/me/dependants/" + grandma.id() + "/code"),
                        containsString("/me/dependants/" + grandma.id() + "/natcode"),
                        containsString(
                            "/me/dependants/" + grandma.id() + "/natcode/print?size=A4"))));

    // printing before a code exists leads to the page that generates one
    mvc.perform(
            get("/me/dependants/{id}/natcode/print", grandma.id())
                .param("size", "A4")
                .with(NatFixtures.citizen(father)))
        .andExpect(redirectedUrl("/me/dependants/" + grandma.id() + "/natcode"))
        .andExpect(flash().attribute("printNeedsCode", true));
    mvc.perform(
            post("/me/dependants/{id}/natcode", grandma.id())
                .with(NatFixtures.citizen(father))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(redirectedUrl("/me/dependants/" + grandma.id() + "/natcode"));
    mvc.perform(get("/me/dependants/{id}/natcode", grandma.id()).with(NatFixtures.citizen(father)))
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("孙*英（父母）的核酸码"),
                        containsString("data-token=\"SSC:"),
                        containsString(
                            "/api/me/dependants/" + grandma.id() + "/natcode.pdf?size=A4"))));
    mvc.perform(
            get("/me/dependants/{id}/natcode/print", grandma.id())
                .param("size", "card")
                .with(NatFixtures.citizen(father)))
        .andExpect(redirectedUrl("/api/me/dependants/" + grandma.id() + "/natcode.pdf?size=CARD"));
  }

  @Test
  void aStrangerSeesARefusalPageNotACode() throws Exception {
    var stranger = fixtures.resident("吴昊", 30, null);
    var child = fixtures.resident("郑小满", 4, NatFixtures.household());
    for (String path :
        new String[] {
          "/me/dependants/" + child.id() + "/natcode",
          "/me/dependants/" + child.id() + "/natcode/print"
        }) {
      mvc.perform(get(path).with(NatFixtures.citizen(stranger)))
          .andExpect(status().isForbidden())
          .andExpect(content().string(containsString("dependants.not-bound")));
    }
    mvc.perform(
            post("/me/dependants/{id}/natcode", child.id())
                .with(NatFixtures.citizen(stranger))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isForbidden());
    mvc.perform(get("/me/natcode")).andExpect(status().is3xxRedirection());
  }
}
