package org.suishen.shared.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.suishen.healthcode.HealthCodeFixtures;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.natcode.NatFixtures;
import org.suishen.natcode.NatFixtures.Resident;
import org.suishen.support.Concurrently;
import org.suishen.support.MutableClock;
import tools.jackson.databind.json.JsonMapper;

/**
 * A script cannot flood the platform with a person's writes: the write over the day's limit is
 * refused with when to retry and changes nothing; the limit holds when two race for the last write,
 * and lifts at midnight (city time).
 */
@HealthCodeIntegrationTest
class PersonWriteLimitsIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired MutableClock clock;
  @Autowired PersonWriteLimits limits;
  NatFixtures nat;

  @BeforeEach
  void setUp() {
    nat = new NatFixtures(jdbc, clock, mvc, json);
  }

  private int regenerate(Resident person) throws Exception {
    return mvc.perform(
            post("/api/me/natcode")
                .with(NatFixtures.citizen(person))
                .with(HealthCodeFixtures.xsrf())
                .param("lang", "en"))
        .andReturn()
        .getResponse()
        .getStatus();
  }

  private void alreadyWrote(UUID person, PersonWrite write, int times) {
    jdbc.sql(
            "INSERT INTO person_write_count (person_id, write_kind, day, writes) VALUES (?, ?, ?, ?)")
        .param(person)
        .param(write.key())
        .param(LocalDate.now(clock))
        .param(times)
        .update();
  }

  private int credentials(UUID person) {
    return jdbc.sql("SELECT count(*) FROM nat_credential WHERE person_id = ?")
        .param(person)
        .query(Integer.class)
        .single();
  }

  @Test
  void theNatCodeOverTheDaysLimitIsRefusedUntilMidnightAndChangesNothing() throws Exception {
    var person = nat.resident("韩梅", 30, null);
    int limit = limits.limit(PersonWrite.NAT_CODE_REGENERATION);
    assertThat(limit).isPositive();
    String last = null;
    for (int i = 0; i < limit; i++) {
      last = nat.generate(person);
    }
    ZonedDateTime midnight = LocalDate.now(clock).plusDays(1).atStartOfDay(clock.getZone());
    long untilMidnight = Duration.between(clock.instant(), midnight.toInstant()).toSeconds();

    mvc.perform(
            post("/api/me/natcode")
                .with(NatFixtures.citizen(person))
                .with(HealthCodeFixtures.xsrf())
                .param("lang", "en"))
        .andExpect(status().isTooManyRequests())
        .andExpect(jsonPath("$.code").value(PersonWriteLimits.CODE))
        .andExpect(header().string("Retry-After", Long.toString(untilMidnight)))
        .andExpect(
            jsonPath("$.messageEn")
                .value(org.hamcrest.Matchers.containsString("today's limit for this (" + limit)))
        .andExpect(jsonPath("$.messageZh").value(org.hamcrest.Matchers.containsString("每天")));

    // nothing changed: no new credential, the last code still the current one, no feed row
    assertThat(credentials(person.id())).isEqualTo(limit);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM nat_credential WHERE person_id = ? AND revoked_at IS"
                        + " NULL")
                .param(person.id())
                .query(Integer.class)
                .single())
        .isOne();
    assertThat(last).isNotNull();

    clock.advance(Duration.ofSeconds(untilMidnight));
    assertThat(regenerate(person)).isEqualTo(201);
  }

  @Test
  void twoRequestsRacingForTheLastWriteOfTheDayPassOnlyOnce() throws Exception {
    var person = nat.resident("邓超", 30, null);
    int limit = limits.limit(PersonWrite.NAT_CODE_REGENERATION);
    alreadyWrote(person.id(), PersonWrite.NAT_CODE_REGENERATION, limit - 1);
    List<Callable<Integer>> both = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      both.add(() -> regenerate(person));
    }
    var statuses = Concurrently.run(both).stream().map(Concurrently.Outcome::result).toList();
    assertThat(statuses).containsExactlyInAnyOrder(201, 429);
    assertThat(credentials(person.id())).isOne();
  }

  @Test
  void aDeclarationOverTheLimitIsRefusedAndNotStored() throws Exception {
    var person = nat.resident("钟丽", 30, null);
    alreadyWrote(person.id(), PersonWrite.DECLARATION, limits.limit(PersonWrite.DECLARATION));
    int before = declarations(person.id());
    mvc.perform(
            post("/api/me/declarations")
                .with(NatFixtures.citizen(person))
                .with(HealthCodeFixtures.xsrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"symptoms\":[\"NONE\"],\"temperature\":36.6,\"regionVisits\":[],"
                        + "\"contactWithCases\":false,\"arrivingFromOtherRegion\":false}"))
        .andExpect(status().isTooManyRequests())
        .andExpect(jsonPath("$.code").value(PersonWriteLimits.CODE))
        .andExpect(header().exists("Retry-After"));
    assertThat(declarations(person.id())).isEqualTo(before);
  }

  private int declarations(UUID person) {
    return jdbc.sql("SELECT count(*) FROM health_declaration WHERE person_id = ?")
        .param(person)
        .query(Integer.class)
        .single();
  }
}
