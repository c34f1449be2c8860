package org.suishen.dependants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.suishen.dependants.DependantsApiIT.citizen;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.suishen.dependants.RegisterFixtures.Registered;
import org.suishen.dependants.internal.ComingOfAgeSweep;
import org.suishen.healthcode.HealthCodeFixtures;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.shared.problem.SuishenException;
import org.suishen.support.MutableClock;
import tools.jackson.databind.json.JsonMapper;

/**
 * A binding made because the dependant was a minor ends when the dependant turns 18: the daily job
 * ends it (only minor-only bindings; idempotent; audited), and from the birthday on no proxy is
 * given even before the job ran. Uses the health code's test context for its movable clock (and its
 * cookie-to-header CSRF token, not spring-security-test's {@code HealthCodeFixtures.xsrf()}, which
 * would change the shared context's CSRF repository for the tests that follow).
 */
@HealthCodeIntegrationTest
@RecordApplicationEvents
class ComingOfAgeIT {

  private static final Duration ONE_DAY = Duration.ofDays(1);

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired JsonMapper json;
  @Autowired Dependants dependants;
  @Autowired ComingOfAgeSweep sweep;
  @Autowired ApplicationEvents events;

  RegisterFixtures register;

  @BeforeEach
  void setUp() {
    register = new RegisterFixtures(jdbc, clock);
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  /** Born 17 years and 364 days before today: 18 tomorrow. */
  private LocalDate eighteenTomorrow() {
    return register.today().minusYears(18).plusDays(1);
  }

  private Registered resident(String name, LocalDate birthDate, String household, boolean flagged) {
    return register.resident("310104", name, birthDate, household, flagged);
  }

  private String bind(Registered holder, Registered dependant) throws Exception {
    var result =
        mvc.perform(
                post("/api/me/dependants")
                    .with(citizen(holder))
                    .with(HealthCodeFixtures.xsrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        json.writeValueAsString(
                            java.util.Map.of(
                                "documentType",
                                "RESIDENT_ID",
                                "documentNumber",
                                dependant.number(),
                                "name",
                                dependant.name(),
                                "relationship",
                                "CHILD"))))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.state").value("APPROVED"))
            .andReturn();
    return json.readTree(result.getResponse().getContentAsString()).get("bindingId").asString();
  }

  private List<String> row(String bindingId) {
    return jdbc.sql(
            "SELECT state, kind, coalesce(removal_cause, '-') FROM dependant_binding"
                + " WHERE id = ?::uuid")
        .param(bindingId)
        .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
        .single();
  }

  private List<String> audits(UUID dependant, String action) {
    return jdbc.sql(
            "SELECT actor || ' ' || reason || ' ' || coalesce(detail, '') FROM audit_event"
                + " WHERE subject = ? AND action = ? ORDER BY id")
        .param(dependant)
        .param(action)
        .query(String.class)
        .list();
  }

  @Test
  void theJobEndsOnlyMinorOnlyBindingsOnThe18thBirthdayOnceAndAudited() throws Exception {
    String household = RegisterFixtures.household();
    var mother = register.resident("韩秀英", 45, household);
    var son = resident("韩小军", eighteenTomorrow(), household, false);
    var daughter = resident("韩小雪", eighteenTomorrow(), household, true);
    var young = register.resident("韩小宇", 10, household);
    String sonBinding = bind(mother, son);
    String daughterBinding = bind(mother, daughter);
    String youngBinding = bind(mother, young);

    // 17 years and 364 days: nothing ends
    sweep.run();
    assertThat(row(sonBinding)).containsExactly("APPROVED", "MINOR", "-");
    assertThat(row(daughterBinding)).containsExactly("APPROVED", "MINOR", "-");
    assertThat(dependants.isBound(mother.id(), son.id())).isTrue();

    // the 18th birthday
    clock.advance(ONE_DAY);
    events.clear();
    var result = sweep.run();
    assertThat(result.ended()).isGreaterThanOrEqualTo(1);
    assertThat(row(sonBinding)).containsExactly("REMOVED", "MINOR", "CAME_OF_AGE");
    // a disability certificate justifies the binding on: it stays, under that ground
    assertThat(row(daughterBinding)).containsExactly("APPROVED", "SPECIAL_GROUP", "-");
    assertThat(row(youngBinding)).containsExactly("APPROVED", "MINOR", "-");
    assertThat(dependants.isBound(mother.id(), son.id())).isFalse();
    assertThat(dependants.isBound(mother.id(), daughter.id())).isTrue();
    assertThat(events.stream(DependantUnbound.class))
        .filteredOn(e -> e.dependant().equals(son.id()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.holder()).isEqualTo(mother.id());
              assertThat(e.byReviewer()).isFalse();
            });
    assertThat(events.stream(DependantUnbound.class))
        .noneMatch(e -> e.dependant().equals(daughter.id()) || e.dependant().equals(young.id()));

    // audited with both people (subject = dependant, detail = holder), reasons are codes
    var ended = audits(son.id(), "dependants.binding.removed");
    assertThat(ended).containsExactly("system:dependants-coming-of-age came-of-age " + mother.id());
    assertThat(audits(daughter.id(), "dependants.binding.regrounded"))
        .containsExactly(
            "system:dependants-coming-of-age came-of-age:SPECIAL_GROUP " + mother.id());
    assertThat(String.join(" ", ended)).doesNotContain(son.name(), son.number());

    // idempotent: a second run (another node, the next day) changes and audits nothing more
    sweep.run();
    clock.advance(ONE_DAY);
    sweep.run();
    assertThat(row(sonBinding)).containsExactly("REMOVED", "MINOR", "CAME_OF_AGE");
    assertThat(row(daughterBinding)).containsExactly("APPROVED", "SPECIAL_GROUP", "-");
    assertThat(audits(son.id(), "dependants.binding.removed")).hasSize(1);
    assertThat(audits(daughter.id(), "dependants.binding.regrounded")).hasSize(1);
    assertThat(events.stream(DependantUnbound.class))
        .filteredOn(e -> e.dependant().equals(son.id()))
        .hasSize(1);

    // the holder may bind the (now adult) son again only on another ground
    mvc.perform(
            post("/api/me/dependants")
                .with(citizen(mother))
                .with(HealthCodeFixtures.xsrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    json.writeValueAsString(
                        java.util.Map.of(
                            "documentType",
                            "RESIDENT_ID",
                            "documentNumber",
                            son.number(),
                            "name",
                            son.name(),
                            "relationship",
                            "CHILD"))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("dependants.not-eligible"));
  }

  @Test
  void fromThe18thBirthdayNoProxyCodeOrNatCodeIsIssuedEvenBeforeTheJobRan() throws Exception {
    String household = RegisterFixtures.household();
    var father = register.resident("冯建军", 47, household);
    var son = resident("冯小东", eighteenTomorrow(), household, false);
    var daughter = resident("冯小梅", eighteenTomorrow(), household, true);
    String sonBinding = bind(father, son);
    bind(father, daughter);
    mvc.perform(
            post("/api/me/dependants/" + son.id() + "/natcode")
                .with(citizen(father))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isCreated());
    var pairs =
        List.of(
            new org.suishen.dependants.HolderAndDependant(father.id(), son.id()),
            new org.suishen.dependants.HolderAndDependant(father.id(), daughter.id()),
            new org.suishen.dependants.HolderAndDependant(son.id(), daughter.id()));
    // the group check (the scan path's, for proxy codes) agrees with isBound, on both days
    assertThat(dependants.standing(pairs)).containsExactlyInAnyOrder(pairs.get(0), pairs.get(1));

    clock.advance(ONE_DAY);
    assertThat(dependants.standing(pairs)).containsExactly(pairs.get(1));
    // no job run: the binding is still APPROVED in the table, but gives no proxy
    assertThat(row(sonBinding).getFirst()).isEqualTo("APPROVED");
    mvc.perform(get("/api/me/dependants/" + son.id() + "/code").with(citizen(father)))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("dependants.came-of-age"))
        .andExpect(jsonPath("$.messageEn").value(containsString("18")));
    mvc.perform(
            post("/api/me/dependants/" + son.id() + "/natcode")
                .with(citizen(father))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("dependants.came-of-age"));
    mvc.perform(get("/api/me/dependants/" + son.id() + "/natcode.pdf").with(citizen(father)))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("dependants.came-of-age"));
    assertThat(dependants.isBound(father.id(), son.id())).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> dependants.requireBinding(father.id(), son.id()))
        .isInstanceOfSatisfying(
            SuishenException.class, e -> assertThat(e.code()).isEqualTo("dependants.came-of-age"));
    // the daughter's binding rests on her disability certificate as well: still a proxy
    mvc.perform(
            post("/api/me/dependants/" + daughter.id() + "/natcode")
                .with(citizen(father))
                .with(HealthCodeFixtures.xsrf()))
        .andExpect(status().isCreated());
    // the holder's page already says so and offers no proxy buttons for him
    mvc.perform(get("/me/dependants").with(citizen(father)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"came-of-age-" + son.id() + "\"")))
        .andExpect(content().string(containsString("已年满18周岁，不能再为其代办")))
        .andExpect(content().string(not(containsString("id=\"proxy-code-" + son.id() + "\""))))
        .andExpect(content().string(containsString("id=\"proxy-code-" + daughter.id() + "\"")));
  }

  @Test
  void theHolderSeesTheEndedBindingWithABilingualNotice() throws Exception {
    String household = RegisterFixtures.household();
    var mother = register.resident("邓丽君", 44, household);
    var son = resident("邓小成", eighteenTomorrow(), household, false);
    String sonBinding = bind(mother, son);

    clock.advance(ONE_DAY);
    sweep.run();

    mvc.perform(get("/me/dependants").with(citizen(mother)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"came-of-age-" + son.id() + "\"")))
        .andExpect(content().string(containsString("邓*成 已年满18周岁，与其的亲属绑定已于")))
        .andExpect(content().string(not(containsString("id=\"proxy-code-" + son.id() + "\""))))
        .andExpect(content().string(not(containsString("id=\"remove-" + son.id() + "\""))));
    mvc.perform(get("/me/dependants").param("lang", "en").with(citizen(mother)))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("has turned 18: the binding ended")));
    mvc.perform(get("/api/me/dependants").with(citizen(mother)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.bindingId == '" + sonBinding + "')].state").value("REMOVED"))
        .andExpect(
            jsonPath("$[?(@.bindingId == '" + sonBinding + "')].removalCause").value("CAME_OF_AGE"))
        .andExpect(jsonPath("$[?(@.bindingId == '" + sonBinding + "')].cameOfAge").value(true));
    // the ended binding counts neither as active nor towards the limit
    assertThat(dependants.of(mother.id())).isEmpty();
  }
}
