package org.suishen.proxycode;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.natcode.NatFixtures;
import org.suishen.support.MutableClock;
import tools.jackson.databind.json.JsonMapper;

/** The proxy code page: offered in the dependants list, for a bound holder only, both languages. */
@HealthCodeIntegrationTest
class ProxyCodePagesIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired MutableClock clock;

  NatFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new NatFixtures(jdbc, clock, mvc, json);
  }

  @Test
  void theDependantsListLeadsToTheProxyCodePageWhichFeedsTheCodeCardFromTheProxyCodeApi()
      throws Exception {
    String household = NatFixtures.household();
    var father = fixtures.resident("孙伟", 45, household);
    var grandma = fixtures.resident("孙秀英", 78, household);
    fixtures.bind(father, grandma, "PARENT");

    mvc.perform(get("/me/dependants").with(NatFixtures.citizen(father)))
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("id=\"proxy-code-" + grandma.id() + "\""),
                        containsString("/me/dependants/" + grandma.id() + "/code"))));

    mvc.perform(get("/me/dependants/{id}/code", grandma.id()).with(NatFixtures.citizen(father)))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("亲属随申码 · 父母 · 由您代为出示"),
                        containsString("/api/me/dependants/" + grandma.id() + "/code"),
                        containsString("/api/me/dependants/" + grandma.id() + "/photo"),
                        containsString("/css/proxycode.css"),
                        containsString("/js/healthcode-code.js"),
                        containsString("每次出示都会被记录"),
                        not(containsString("孙秀英")))));
    mvc.perform(
            get("/me/dependants/{id}/code", grandma.id())
                .param("lang", "en")
                .with(NatFixtures.citizen(father)))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString(
                            "Proxy health code, shown by you for your family member (Parent)"),
                        containsString("Every showing is recorded"))));
  }

  @Test
  void aStrangerSeesARefusalPageNotACode() throws Exception {
    var stranger = fixtures.resident("吴昊", 30, null);
    var child = fixtures.resident("郑小满", 4, NatFixtures.household());
    mvc.perform(get("/me/dependants/{id}/code", child.id()).with(NatFixtures.citizen(stranger)))
        .andExpect(status().isForbidden())
        .andExpect(content().string(containsString("dependants.not-bound")))
        .andExpect(content().string(not(containsString("/api/me/dependants/"))));
    mvc.perform(get("/me/dependants/{id}/code", child.id())).andExpect(status().is3xxRedirection());
  }
}
