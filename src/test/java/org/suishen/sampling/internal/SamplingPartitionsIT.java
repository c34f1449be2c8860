package org.suishen.sampling.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.support.MutableClock;

/**
 * The sampling registrations on PostgreSQL: a partition per city day made ahead, what is past the
 * retention (180 days by default) dropped as a whole or deleted from the default partition,
 * audited, and the terminals' idempotency keys past their week gone with it.
 */
@HealthCodeIntegrationTest
class SamplingPartitionsIT {

  @Autowired JdbcClient jdbc;
  @Autowired SamplingPartitions partitions;
  @Autowired MutableClock clock;

  void registration(UUID person, Instant at) {
    jdbc.sql(
            "INSERT INTO sampling_registration (registered_at, id, tube_barcode, person_id,"
                + " site_code, terminal, credential) VALUES (?, ?, 'T-PARTITIONS', ?, 'SITE-P',"
                + " 'device:partitions-it', 'NAT_CODE')")
        .params(Timestamp.from(at), UUID.randomUUID(), person)
        .update();
  }

  void key(String key, Instant createdAt) {
    jdbc.sql(
            "INSERT INTO sampling_idempotency (actor, key, registration_id, registered_at,"
                + " created_at) VALUES ('device:partitions-it', ?, ?, ?, ?)")
        .params(key, UUID.randomUUID(), Timestamp.from(createdAt), Timestamp.from(createdAt))
        .update();
  }

  long count(String sql, Object parameter) {
    return jdbc.sql(sql).param(parameter).query(Long.class).single();
  }

  @Test
  void theDaysAheadAreMadeAndADayOfRegistrationsLandsInItsOwnTable() {
    clock.reset();
    partitions.upkeep();
    // the test clock's day (2026-03-01 in Shanghai) and the seven days after it
    for (String day : new String[] {"20260301", "20260304", "20260308"}) {
      assertThat(
              count(
                  "SELECT count(*) FROM pg_class WHERE relname = ?",
                  "sampling_registration_" + day))
          .as(day)
          .isEqualTo(1);
    }
    UUID person = UUID.randomUUID();
    // 2026-03-02 00:30 in Shanghai is 2026-03-01 16:30 UTC: the city's day counts
    registration(person, Instant.parse("2026-03-01T16:30:00Z"));
    assertThat(
            count(
                "SELECT count(*) FROM sampling_registration_20260302 WHERE person_id = ?", person))
        .isEqualTo(1);
  }

  @Test
  void aDayWhoseRegistrationsLandedBeforeItsPartitionGetsThemWhenItIsMade() {
    clock.reset();
    UUID person = UUID.randomUUID();
    // 2026-03-20 in Shanghai: no partition yet (upkeep makes seven days ahead), so the default one
    registration(person, Instant.parse("2026-03-20T02:00:00Z"));
    assertThat(
            count("SELECT count(*) FROM sampling_registration_default WHERE person_id = ?", person))
        .isEqualTo(1);
    try {
      clock.set(Instant.parse("2026-03-20T01:00:00Z"));

      assertThat(partitions.upkeep()).isNotNull();

      assertThat(
              count(
                  "SELECT count(*) FROM sampling_registration_20260320 WHERE person_id = ?",
                  person))
          .isEqualTo(1);
      assertThat(
              count(
                  "SELECT count(*) FROM sampling_registration_default WHERE person_id = ?", person))
          .isZero();
      // the day keeps the parent's rule: a registration names its terminal or its sampler
      assertThat(
              count(
                  "SELECT count(*) FROM pg_constraint WHERE conrelid = ?::regclass AND contype = 'c'",
                  "sampling_registration_20260320"))
          .isPositive();
    } finally {
      clock.reset();
    }
  }

  @Test
  void registrationsPastTheRetentionAndOldKeysAreGoneAndThePurgeIsAudited() {
    clock.reset();
    UUID old = UUID.randomUUID();
    UUID recent = UUID.randomUUID();
    // more than 180 days before the test clock's day: in the default partition
    registration(old, Instant.parse("2025-08-01T02:00:00Z"));
    // inside the 180 days
    registration(recent, Instant.parse("2026-01-10T02:00:00Z"));
    String oldKey = "old-" + UUID.randomUUID();
    String freshKey = "fresh-" + UUID.randomUUID();
    key(oldKey, clock.instant().minusSeconds(8 * 86_400));
    key(freshKey, clock.instant().minusSeconds(86_400));

    var upkeep = partitions.upkeep();

    assertThat(upkeep).isNotNull();
    assertThat(upkeep.defaultRowsDeleted()).isGreaterThanOrEqualTo(1);
    assertThat(count("SELECT count(*) FROM sampling_registration WHERE person_id = ?", old))
        .isZero();
    assertThat(count("SELECT count(*) FROM sampling_registration WHERE person_id = ?", recent))
        .isEqualTo(1);
    assertThat(count("SELECT count(*) FROM sampling_idempotency WHERE key = ?", oldKey)).isZero();
    assertThat(count("SELECT count(*) FROM sampling_idempotency WHERE key = ?", freshKey))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT count(*) FROM audit_event WHERE action = ?"
                    + " AND reason LIKE 'sampling registrations before 2025-09-02 (180 days kept): %'",
                SamplingPartitions.PURGED))
        .isPositive();
  }
}
