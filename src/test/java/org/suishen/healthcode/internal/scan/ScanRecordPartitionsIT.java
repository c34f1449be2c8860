package org.suishen.healthcode.internal.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.healthcode.HealthCodeIntegrationTest;

/**
 * The scan records on PostgreSQL: partitioned by city day, today's and the days ahead made at
 * start, a day's scans in their day, and what is past the six months' retention dropped and
 * audited.
 */
@HealthCodeIntegrationTest
class ScanRecordPartitionsIT {

  @Autowired JdbcClient jdbc;
  @Autowired ScanRecordPartitions partitions;

  void scan(UUID person, Instant at) {
    jdbc.sql(
            "INSERT INTO scan_record (scanned_at, scanner, result, code_type, person_id, colour)"
                + " VALUES (?, 'device:scan-it', 'ok', 'LIVE', ?, 'GREEN')")
        .params(Timestamp.from(at), person)
        .update();
  }

  long countIn(String table, UUID person) {
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE person_id = ?")
        .param(person)
        .query(Long.class)
        .single();
  }

  @Autowired org.suishen.support.MutableClock clock;

  @Test
  void theScanRecordsArePartitionedByCityDayFromStart() {
    // other tests move the clock and run upkeep: the test clock's day and the days ahead again
    clock.reset();
    partitions.upkeep();
    assertThat(
            jdbc.sql("SELECT pg_get_partkeydef('scan_record'::regclass)")
                .query(String.class)
                .single())
        .isEqualTo("RANGE (scanned_at)");
    // the test clock's day (2026-03-01 in Shanghai) and the three days after it
    for (String day : new String[] {"20260301", "20260302", "20260303", "20260304"}) {
      assertThat(
              jdbc.sql("SELECT to_regclass(?) IS NOT NULL")
                  .param("scan_record_" + day)
                  .query(Boolean.class)
                  .single())
          .as(day)
          .isTrue();
    }
    UUID person = UUID.randomUUID();
    // 2026-03-02 00:30 in Shanghai is 2026-03-01 16:30 UTC: the city's day counts
    scan(person, Instant.parse("2026-03-01T16:30:00Z"));
    assertThat(countIn("scan_record_20260302", person)).isEqualTo(1);
    assertThat(countIn("scan_record", person)).isEqualTo(1);
    // the person's history reads through the parent's (person, time) index, one per partition
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM pg_indexes WHERE tablename = 'scan_record_20260302'"
                        + " AND indexdef LIKE '%(person_id, scanned_at)%'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void scansPastTheRetentionAreDroppedAndThePurgeIsAudited() {
    UUID person = UUID.randomUUID();
    // older than six months before the test clock's day: in the default partition
    scan(person, Instant.parse("2025-06-01T02:00:00Z"));
    UUID recent = UUID.randomUUID();
    scan(recent, Instant.parse("2026-02-01T02:00:00Z"));
    assertThat(countIn("scan_record_default", person)).isEqualTo(1);

    var upkeep = partitions.upkeep();

    assertThat(upkeep).isNotNull();
    assertThat(upkeep.defaultRowsDeleted()).isGreaterThanOrEqualTo(1);
    assertThat(countIn("scan_record", person)).isZero();
    // inside the six months: kept
    assertThat(countIn("scan_record", recent)).isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'healthcode.scans.purged'"
                        + " AND reason LIKE 'scan records before % (180 days kept): %'")
                .query(Long.class)
                .single())
        .isPositive();
  }
}
