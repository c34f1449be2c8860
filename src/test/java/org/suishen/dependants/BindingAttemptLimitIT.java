package org.suishen.dependants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.suishen.dependants.DependantsApiIT.citizen;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.suishen.dependants.RegisterFixtures.Registered;
import org.suishen.dependants.internal.DependantBindings;
import org.suishen.dependants.internal.DependantClaim;
import org.suishen.dependants.internal.DependantRow;
import org.suishen.healthcode.HealthCodeFixtures;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CitizenPrincipal;
import org.suishen.support.Concurrently;
import org.suishen.support.IntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Failed binding attempts are limited per holder (default 5 in 24 hours), so that nobody can find
 * out who exists by trying documents and names (docs/dependants.md, "Attempt limit").
 */
@IntegrationTest
@AutoConfigureMockMvc
class BindingAttemptLimitIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired JsonMapper json;
  @Autowired DependantBindings bindings;

  RegisterFixtures register;

  @BeforeEach
  void setUp() {
    register = new RegisterFixtures(jdbc, clock);
  }

  private ResultActions bind(Registered holder, String number, String name) throws Exception {
    return mvc.perform(
        post("/api/me/dependants")
            .with(citizen(holder))
            .with(HealthCodeFixtures.xsrf())
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                json.writeValueAsString(
                    Map.of(
                        "documentType",
                        "RESIDENT_ID",
                        "documentNumber",
                        number,
                        "name",
                        name,
                        "relationship",
                        "CHILD"))));
  }

  private long failuresOf(Registered holder) {
    return jdbc.sql("SELECT count(*) FROM dependant_binding_failure WHERE holder_id = ?")
        .param(holder.id())
        .query(Long.class)
        .single();
  }

  private long bindingsOf(Registered holder) {
    return jdbc.sql("SELECT count(*) FROM dependant_binding WHERE holder_id = ?")
        .param(holder.id())
        .query(Long.class)
        .single();
  }

  @Test
  void afterFiveFailedAttemptsEvenARightClaimIsRefusedAndNothingIsBound() throws Exception {
    String household = RegisterFixtures.household();
    var mother = register.resident("赵敏", 36, household);
    var child = register.resident("赵小雨", 7, household);
    var adult = register.resident("赵大伟", 30, household);

    for (int i = 0; i < 4; i++) {
      bind(mother, child.number(), "赵小" + i)
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("dependants.identity-mismatch"));
    }
    bind(mother, adult.number(), adult.name())
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("dependants.not-eligible"));
    assertThat(failuresOf(mother)).isEqualTo(5);

    bind(mother, child.number(), child.name())
        .andExpect(status().isTooManyRequests())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("dependants.binding.too-many-attempts"))
        .andExpect(jsonPath("$.messageZh").value(containsString("请于")))
        .andExpect(jsonPath("$.messageEn").value(containsString("try again after")))
        .andExpect(header().exists("Retry-After"));
    assertThat(bindingsOf(mother)).isZero();
    assertThat(failuresOf(mother)).as("a refusal at the limit is not counted").isEqualTo(5);

    // the page says the same, with the same status
    mvc.perform(
            post("/me/dependants")
                .with(citizen(mother))
                .with(HealthCodeFixtures.xsrf())
                .param("documentType", "RESIDENT_ID")
                .param("documentNumber", child.number())
                .param("name", child.name())
                .param("relationship", "CHILD"))
        .andExpect(status().isTooManyRequests())
        .andExpect(content().string(containsString("绑定亲属的核验失败次数过多")))
        .andExpect(content().string(containsString("dependants.binding.too-many-attempts")));
    assertThat(bindingsOf(mother)).isZero();
  }

  @Test
  void parallelAttemptsCannotPassTheLimit() throws Exception {
    String household = RegisterFixtures.household();
    var mother = register.resident("钱芳", 38, household);
    var child = register.resident("钱小雪", 6, household);
    for (int i = 0; i < 4; i++) {
      jdbc.sql(
              "INSERT INTO dependant_binding_failure (holder_id, failed_at, reason)"
                  + " VALUES (?, ?, 'dependants.identity-mismatch')")
          .param(mother.id())
          .param(OffsetDateTime.now(clock).minusHours(1))
          .update();
    }
    // six wrong names at once, one attempt left: the holder's attempts run one after the other
    var holder =
        new CitizenPrincipal(DependantsApiIT.accountOf(mother), "13800138000", mother.id());
    List<Callable<DependantRow>> attempts = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      var claim = new DependantClaim("RESIDENT_ID", child.number(), "钱小" + i, "CHILD");
      attempts.add(() -> bindings.bind(holder, claim, null));
    }
    var codes =
        Concurrently.run(attempts).stream()
            .map(outcome -> ((SuishenException) outcome.failure()).code())
            .toList();
    assertThat(codes).containsOnlyOnce("dependants.identity-mismatch");
    assertThat(codes).filteredOn("dependants.binding.too-many-attempts"::equals).hasSize(5);
    assertThat(failuresOf(mother)).isEqualTo(5);
    assertThat(bindingsOf(mother)).isZero();
  }

  @Test
  void successfulBindingsAndMalformedInputDoNotCount() throws Exception {
    String household = RegisterFixtures.household();
    var father = register.resident("孙强", 40, household);
    var son = register.resident("孙小明", 8, household);
    var daughter = register.resident("孙小红", 6, household);

    bind(father, son.number(), son.name()).andExpect(status().isCreated());
    bind(father, "310104201801010000", "某人").andExpect(status().isBadRequest());
    for (int i = 0; i < 4; i++) {
      bind(father, daughter.number(), "孙小" + i)
          .andExpect(jsonPath("$.code").value("dependants.identity-mismatch"));
    }
    assertThat(failuresOf(father)).isEqualTo(4);
    bind(father, daughter.number(), daughter.name()).andExpect(status().isCreated());
  }

  @Test
  void failuresOlderThanTheWindowNoLongerCount() throws Exception {
    String household = RegisterFixtures.household();
    var grandson = register.resident("周杰", 35, household);
    var grandmother = register.resident("周老太", 82, household);
    OffsetDateTime dayAndMinuteAgo =
        OffsetDateTime.now(clock).minus(Duration.ofHours(24)).minusMinutes(1);
    for (int i = 0; i < 5; i++) {
      jdbc.sql(
              "INSERT INTO dependant_binding_failure (holder_id, failed_at, reason)"
                  + " VALUES (?, ?, 'dependants.identity-mismatch')")
          .param(grandson.id())
          .param(dayAndMinuteAgo)
          .update();
    }
    bind(grandson, grandmother.number(), grandmother.name()).andExpect(status().isCreated());
  }
}
