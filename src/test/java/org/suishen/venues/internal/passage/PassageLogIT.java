package org.suishen.venues.internal.passage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.shared.partition.DayPartitions;

/**
 * The passage log on PostgreSQL: a group goes in with one statement, a device's key claimed twice
 * names its first passage, and day partitions are made ahead and dropped past their keeping time.
 */
@HealthCodeIntegrationTest
class PassageLogIT {

  @Autowired PassageLog log;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired PassagePartitions partitions;

  static Passage passage(UUID venue, Instant at, boolean admitted) {
    return new Passage(
        at,
        UUID.randomUUID(),
        venue,
        Provenance.SENTINEL,
        "device:sentinel-it",
        UUID.randomUUID(),
        "LIVE",
        admitted,
        admitted ? "admitted" : "no-recent-test",
        "GREEN",
        admitted ? new BigDecimal("36.5") : null,
        false);
  }

  @Test
  void aGroupIsWrittenWholeAndAKeyClaimedAgainNamesItsFirstPassage() {
    UUID venue = UUID.randomUUID();
    Instant at = Instant.parse("2026-12-05T02:00:00Z");
    var first = passage(venue, at, true);
    var second = passage(venue, at.plusSeconds(1), false);
    var claim = new PassageLog.Claim("device:sentinel-it", "k-" + venue, first.id(), at);
    var earlier =
        transactions.execute(
            tx -> {
              var replays = log.claim(List.of(claim));
              log.insert(List.of(first, second));
              return replays;
            });
    assertThat(earlier).isEmpty();
    var again =
        new PassageLog.Claim(
            "device:sentinel-it", claim.key(), UUID.randomUUID(), at.plusSeconds(9));
    var replay = transactions.execute(tx -> log.claim(List.of(again)));
    assertThat(replay).containsEntry(again, new PassageLog.Earlier(first.id(), at));
    assertThat(log.find(List.of(new PassageLog.Earlier(first.id(), at)))).containsExactly(first);
    assertThat(
            jdbc.sql("SELECT count(*) FROM passage WHERE venue_id = ?")
                .param(venue)
                .query(Long.class)
                .single())
        .isEqualTo(2L);
  }

  @Test
  void dayPartitionsAreMadeAheadAndDroppedPastTheirKeepingTime() {
    ZoneId zone = ZoneId.of("Asia/Shanghai");
    LocalDate day = LocalDate.of(2031, 3, 1);
    Integer made = transactions.execute(tx -> DayPartitions.ensure(jdbc, "passage", day, 2, zone));
    assertThat(made).isEqualTo(3);
    var dropped =
        transactions.execute(tx -> DayPartitions.dropBefore(jdbc, "passage", day.plusDays(2)));
    assertThat(dropped).contains(day, day.plusDays(1)).doesNotContain(day.plusDays(2));
    assertThat(
            jdbc.sql("SELECT to_regclass('passage_20310303') IS NOT NULL")
                .query(Boolean.class)
                .single())
        .isTrue();
    transactions.execute(tx -> DayPartitions.dropBefore(jdbc, "passage", day.plusDays(3)));
  }

  /**
   * Upkeep was late: a day's passages in the default partition move into the day when it is made.
   */
  @Test
  void aDayMadeLateTakesItsPassagesOutOfTheDefaultPartition() {
    ZoneId zone = ZoneId.of("Asia/Shanghai");
    LocalDate day = LocalDate.of(2032, 5, 1);
    UUID venue = UUID.randomUUID();
    var stray = passage(venue, Instant.parse("2032-05-01T02:00:00Z"), true);
    transactions.executeWithoutResult(tx -> log.insert(List.of(stray)));
    assertThat(countIn("passage_default", venue)).isEqualTo(1);

    Integer made = transactions.execute(tx -> DayPartitions.ensure(jdbc, "passage", day, 0, zone));

    assertThat(made).isEqualTo(1);
    assertThat(countIn("passage_default", venue)).isZero();
    assertThat(countIn("passage_20320501", venue)).isEqualTo(1);
    assertThat(countIn("passage", venue)).isEqualTo(1);
    transactions.execute(tx -> DayPartitions.dropBefore(jdbc, "passage", day.plusDays(1)));
  }

  long countIn(String table, UUID venue) {
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE venue_id = ?")
        .param(venue)
        .query(Long.class)
        .single();
  }

  @Test
  void passagesPastTheirKeepingTimeArePurgedAndThePurgeIsAudited() {
    UUID venue = UUID.randomUUID();
    var old = passage(venue, Instant.parse("2019-01-01T02:00:00Z"), true);
    transactions.executeWithoutResult(tx -> log.insert(List.of(old)));
    var upkeep = partitions.upkeep();
    assertThat(upkeep).isNotNull();
    assertThat(upkeep.defaultRowsDeleted()).isGreaterThanOrEqualTo(1);
    assertThat(
            jdbc.sql("SELECT count(*) FROM passage WHERE venue_id = ?")
                .param(venue)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'venues.passage.purged'")
                .query(Long.class)
                .single())
        .isPositive();
  }
}
