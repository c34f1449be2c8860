package org.suishen.venues;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.suishen.healthcode.HealthCodeFixtures;
import org.suishen.natcode.NatFixtures;
import org.suishen.natcode.NatFixtures.Resident;
import org.suishen.status.StatusFacts;
import org.suishen.status.TestOutcome;
import org.suishen.status.TestResultFact;

/** What people bring to a door in tests: a negative test some time ago, a yellow code, paper. */
record DoorFacts(StatusFacts facts, JdbcClient jdbc, Clock clock, MockMvc mvc, NatFixtures people) {

  /** A negative sample taken {@code ago}, reported six hours later. */
  void negative(Resident who, Duration ago) {
    Instant sampled = clock.instant().minus(ago);
    facts.recordResults(
        List.of(
            new TestResultFact(
                who.id(), sampled, true, TestOutcome.NEGATIVE, sampled.plus(Duration.ofHours(6)))));
  }

  /** Back two days ago from a key region declared for a month: yellow. */
  void yellow(Resident who) {
    LocalDate today = LocalDate.now(clock);
    String code = "V" + Long.toString(System.nanoTime(), 36).toUpperCase();
    jdbc.sql(
            "INSERT INTO key_region (region_code, valid_from, name, recorded_at)"
                + " VALUES (?, ?, '测试', ?)")
        .params(code, today.minusDays(30), OffsetDateTime.now(clock))
        .update();
    facts.recordArrival(who.id(), code, today.minusDays(2), "declaration");
  }

  /** The person's printed offline code's token, applied for on the portal. */
  String paperCode(Resident elder) throws Exception {
    return people
        .read(
            mvc.perform(
                    post("/api/me/offline-code")
                        .with(NatFixtures.citizen(elder))
                        .with(HealthCodeFixtures.xsrf()))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .get("token")
        .asString();
  }
}
