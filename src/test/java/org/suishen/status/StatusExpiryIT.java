package org.suishen.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suishen.status.StatusTestSupport.person;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.suishen.status.internal.Cause;
import org.suishen.status.internal.StatusEngine;
import org.suishen.support.IntegrationTest;

/**
 * A yellow code ends by itself after the observation period: reads are right at once, and the
 * evaluation (sweep) persists the change, records it and publishes it. Times are passed explicitly,
 * so nothing depends on today's date.
 */
@IntegrationTest
@AutoConfigureMockMvc
@RecordApplicationEvents
@Import(StatusTestSupport.class)
class StatusExpiryIT {

  @Autowired JdbcClient jdbc;
  @Autowired StatusFacts facts;
  @Autowired StatusEngine engine;
  @Autowired HealthStatuses statuses;
  @Autowired ApplicationEvents events;
  @Autowired Clock clock;
  @Autowired StatusTestSupport.PublishedStatusEvents published;

  String keyRegion(LocalDate from) {
    String code = "E" + Long.toString(System.nanoTime(), 36).toUpperCase();
    jdbc.sql(
            "INSERT INTO key_region (region_code, valid_from, name, recorded_at)"
                + " VALUES (?, ?, '测试', ?)")
        .param(code)
        .param(from)
        .param(OffsetDateTime.now(clock))
        .update();
    return code;
  }

  String storedColour(UUID personId) {
    return jdbc.sql("SELECT colour FROM health_status WHERE person_id = ?")
        .param(personId)
        .query(String.class)
        .single();
  }

  @Test
  void yellowEndsAtTheStartOfDay14AtReadTimeAndTheSweepPersistsIt() {
    LocalDate today = LocalDate.now(clock);
    String region = keyRegion(today.minusDays(60));
    UUID p = person(jdbc).id();

    facts.recordArrival(p, region, today.minusDays(13), "declaration");

    HealthStatus yellow = statuses.current(p);
    assertThat(yellow.colour()).isEqualTo(Colour.YELLOW);
    assertThat(yellow.source()).isEqualTo("declaration");
    Instant day14 = today.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    assertThat(
            jdbc.sql("SELECT due_at FROM health_status WHERE person_id = ?")
                .param(p)
                .query(OffsetDateTime.class)
                .single()
                .toInstant())
        .isEqualTo(day14);

    assertThat(engine.statusAt(p, day14.minusNanos(1000)).colour()).isEqualTo(Colour.YELLOW);
    HealthStatus atDay14 = engine.statusAt(p, day14);
    assertThat(atDay14.colour()).isEqualTo(Colour.GREEN);
    assertThat(atDay14.since()).isEqualTo(day14);
    assertThat(storedColour(p)).isEqualTo("YELLOW");
    events.clear();

    int changed = engine.reevaluate(List.of(p), Cause.sweep(), day14);

    assertThat(changed).isEqualTo(1);
    assertThat(storedColour(p)).isEqualTo("GREEN");
    assertThat(events.stream(HealthStatusChanged.class))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.personId()).isEqualTo(p);
              assertThat(e.from()).isEqualTo(Colour.YELLOW);
              assertThat(e.to()).isEqualTo(Colour.GREEN);
              assertThat(e.at()).isEqualTo(day14);
            });
    assertThat(
            jdbc.sql(
                    "SELECT previous_colour || '>' || colour || ' ' || cause || ' ' || caused_by"
                        + " FROM health_status_history WHERE person_id = ? ORDER BY id DESC"
                        + " LIMIT 1")
                .param(p)
                .query(String.class)
                .single())
        .isEqualTo("YELLOW>GREEN expiry system:status-sweep");
  }

  @Test
  void aGroupReadGivesEveryoneWhatASingleReadGivesDueOrUnknownAlike() {
    LocalDate today = LocalDate.now(clock);
    String region = keyRegion(today.minusDays(60));
    UUID yellowUntilDay14 = person(jdbc).id();
    UUID yellowLonger = person(jdbc).id();
    UUID unknown = UUID.randomUUID();
    facts.recordArrival(yellowUntilDay14, region, today.minusDays(13), "declaration");
    facts.recordArrival(yellowLonger, region, today.minusDays(2), "declaration");
    var everyone = List.of(yellowUntilDay14, yellowLonger, unknown);

    var now = statuses.current(everyone);
    assertThat(now).containsOnlyKeys(everyone);
    assertThat(now.get(yellowUntilDay14).colour()).isEqualTo(Colour.YELLOW);
    assertThat(now.get(yellowLonger).colour()).isEqualTo(Colour.YELLOW);
    assertThat(now.get(unknown).colour()).isEqualTo(Colour.GREEN);

    // at day 14 the first one's stored status is due: the group read evaluates it like a single one
    Instant day14 = today.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    var later = engine.statusesAt(everyone, day14);
    for (UUID p : everyone) {
      assertThat(later.get(p)).isEqualTo(engine.statusAt(p, day14));
    }
    assertThat(later.get(yellowUntilDay14).colour()).isEqualTo(Colour.GREEN);
    assertThat(later.get(yellowLonger).colour()).isEqualTo(Colour.YELLOW);
  }

  @Test
  void theSweepPersistsStatusesWhoseTimeRanOutAndReadsAreRightBeforeIt() {
    LocalDate today = LocalDate.now(clock);
    String region = keyRegion(today.minusDays(60));
    UUID p = person(jdbc).id();
    Instant midnight = today.atStartOfDay(clock.getZone()).toInstant();
    // the facts and the status as yesterday's evaluation left them: arrived 14 days ago, yellow
    // until midnight
    jdbc.sql(
            "INSERT INTO region_arrival (person_id, region_code, arrived_on, source, recorded_at)"
                + " VALUES (?, ?, ?, 'authority-feed', ?)")
        .param(p)
        .param(region)
        .param(today.minusDays(14))
        .param(OffsetDateTime.ofInstant(midnight, clock.getZone()))
        .update();
    jdbc.sql(
            "INSERT INTO health_status (person_id, colour, rule, reason, source, since,"
                + " redeclare_notice, due_at, fingerprint) VALUES (?, 'YELLOW',"
                + " 'key-region-arrival', 'key-region-arrival.observation', 'authority-feed', ?,"
                + " FALSE, ?, ?)")
        .param(p)
        .param(OffsetDateTime.ofInstant(midnight.minusSeconds(14 * 86400), ZoneOffset.UTC))
        .param(OffsetDateTime.ofInstant(midnight, ZoneOffset.UTC))
        .param(engine.fingerprint())
        .update();

    // right at read time, whether or not a sweep has run since midnight
    assertThat(statuses.current(p).colour()).isEqualTo(Colour.GREEN);

    engine.sweep(engine.now());

    assertThat(storedColour(p)).isEqualTo("GREEN");
    assertThat(published.changes(p))
        .singleElement()
        .satisfies(e -> assertThat(e.at()).isEqualTo(midnight));
    assertThat(
            jdbc.sql("SELECT due_at IS NULL FROM health_status WHERE person_id = ?")
                .param(p)
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void aRepeatedArrivalChangesNothing() {
    LocalDate today = LocalDate.now(clock);
    String region = keyRegion(today.minusDays(60));
    UUID p = person(jdbc).id();
    facts.recordArrival(p, region, today.minusDays(2), "declaration");
    events.clear();

    facts.recordArrival(p, region.toLowerCase(), today.minusDays(2), "declaration");

    assertThat(events.stream(HealthStatusChanged.class)).isEmpty();
    assertThat(
            jdbc.sql("SELECT count(*) FROM health_status_history WHERE person_id = ?")
                .param(p)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void theSweepFinishesWhatAnInterruptedFeedLeftButLeavesAFreshFeedItsOwnWork() {
    UUID left = person(jdbc).id();
    UUID fresh = person(jdbc).id();
    Instant now = engine.now();
    for (UUID p : List.of(left, fresh)) {
      jdbc.sql(
              "INSERT INTO medical_order (order_id, person_id, kind, starts_at, source,"
                  + " recorded_at) VALUES (?, ?, 'QUARANTINE', ?, 'authority-feed', ?)")
          .param("R-" + p)
          .param(p)
          .param(OffsetDateTime.ofInstant(now.minus(Duration.ofDays(1)), clock.getZone()))
          .param(OffsetDateTime.ofInstant(now, clock.getZone()))
          .update();
    }
    String insertDue =
        "INSERT INTO health_status (person_id, colour, rule, reason, source, since,"
            + " redeclare_notice, due_at, due_cause, due_by) VALUES (?, 'GREEN', 'no-anomaly',"
            + " 'no-anomaly', 'status-engine', 'epoch', FALSE, ?, 'feed:interrupted',"
            + " 'staff:officer-a')";
    jdbc.sql(insertDue)
        .param(left)
        .param(OffsetDateTime.ofInstant(now.minusSeconds(600), ZoneOffset.UTC))
        .update();
    jdbc.sql(insertDue).param(fresh).param(OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();

    engine.sweep(now);

    assertThat(storedColour(left)).isEqualTo("RED");
    assertThat(
            jdbc.sql(
                    "SELECT caused_by || ' ' || cause FROM health_status_history"
                        + " WHERE person_id = ?")
                .param(left)
                .query(String.class)
                .single())
        .isEqualTo("staff:officer-a feed:interrupted");
    assertThat(storedColour(fresh)).isEqualTo("GREEN");
    assertThat(statuses.current(fresh).colour()).isEqualTo(Colour.RED);
  }
}
