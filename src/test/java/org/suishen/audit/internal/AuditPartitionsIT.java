package org.suishen.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.audit.AuditTrail;
import org.suishen.healthcode.HealthCodeIntegrationTest;
import org.suishen.support.MutableClock;

/**
 * The audit trail by day: entries land in their day's partition and are sealed there; a day past
 * the retention is dropped only once all of it is verified, the purge is itself audited, and the
 * chain still verifies from the beginning and from the checkpoints; append-only still holds on
 * every partition, truncation included.
 */
@HealthCodeIntegrationTest
class AuditPartitionsIT {

  @Autowired AuditPartitions partitions;
  @Autowired AuditTrail trail;
  @Autowired AuditSealer sealer;
  @Autowired ScheduledVerification verification;
  @Autowired AuditChainVerifier verifier;
  @Autowired AuditProperties properties;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  AuditChainFixtures fixtures() {
    return new AuditChainFixtures(trail, sealer, jdbc);
  }

  boolean exists(String table) {
    return jdbc.sql("SELECT to_regclass(?) IS NOT NULL").param(table).query(Boolean.class).single();
  }

  List<String> partitionsOf(String action) {
    return jdbc.sql("SELECT DISTINCT tableoid::regclass::text FROM audit_event WHERE action = ?")
        .param(action)
        .query(String.class)
        .list();
  }

  @Test
  void entriesLandInTheirDaysPartitionAndAreSealedThere() {
    clock.set(Instant.parse("2026-03-01T02:00:00Z")); // 10:00 in the city
    assertThat(partitions.upkeep()).isNotNull();
    assertThat(exists("audit_event_20260301")).isTrue();
    assertThat(exists("audit_event_2026030" + (1 + properties.partitionsAhead()))).isTrue();

    String action = AuditChainFixtures.uniqueAction("test.partitions.");
    List<AuditEntry> entries = fixtures().recordAndSeal(action, null, 3);
    assertThat(partitionsOf(action)).containsExactly("audit_event_20260301");
    assertThat(entries).allMatch(AuditEntry::sealed);
    // append-only on the partition as on the parent
    assertThatThrownBy(
            () ->
                jdbc.sql("DELETE FROM audit_event_20260301 WHERE action = ?")
                    .param(action)
                    .update())
        .rootCause()
        .hasMessageContaining("append-only");
    truncateIsRefused("audit_event_20260301");
    truncateIsRefused("audit_event_default");
    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE audit_event SET reason = 'changed' WHERE action = ?")
                    .param(action)
                    .update())
        .rootCause()
        .hasMessageContaining("append-only");
  }

  /** In a transaction rolled back whatever happens: a regression must not empty the trail. */
  void truncateIsRefused(String partition) {
    assertThatThrownBy(
            () ->
                transactions.executeWithoutResult(
                    tx -> {
                      tx.setRollbackOnly();
                      jdbc.sql("TRUNCATE " + partition).update();
                    }))
        .rootCause()
        .hasMessageContaining("append-only");
  }

  @Test
  void aDayPastTheRetentionGoesOnlyOnceVerifiedAndTheChainStillVerifies() {
    Instant then = Instant.parse("2019-01-01T02:00:00Z");
    clock.set(then);
    assertThat(partitions.upkeep()).isNotNull();
    String action = AuditChainFixtures.uniqueAction("test.retention.");
    List<AuditEntry> old = fixtures().recordAndSeal(action, null, 3);
    assertThat(partitionsOf(action)).containsExactly("audit_event_20190101");
    long lastOld = old.getLast().chainSeq();

    // past the retention, but not verified yet: kept
    clock.set(then.plus(properties.retention()).plus(java.time.Duration.ofDays(2)));
    var notYet = partitions.upkeep();
    assertThat(notYet).isNotNull();
    assertThat(notYet.dropped()).doesNotContain(LocalDate.of(2019, 1, 1));
    assertThat(fixtures().entries(action)).hasSize(3);

    // verified (with a later entry, so that the checkpoint lies after the old day): dropped
    fixtures().recordAndSeal(AuditChainFixtures.uniqueAction("test.retention.later."), null, 1);
    var run = verification.run(true);
    assertThat(run.latest()).isNotNull();
    assertThat(run.latest().broken()).isFalse();
    var purge = partitions.upkeep();
    assertThat(purge).isNotNull();
    assertThat(purge.dropped()).contains(LocalDate.of(2019, 1, 1));
    assertThat(exists("audit_event_20190101")).isFalse();
    assertThat(fixtures().entries(action)).isEmpty();
    assertThat(
            jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND reason LIKE ?")
                .param(AuditPartitions.PURGED)
                .param("%2019-01-01%")
                .query(Long.class)
                .single())
        .isPositive();
    long base = jdbc.sql("SELECT chain_seq FROM audit_chain_base").query(Long.class).single();
    assertThat(base).isGreaterThanOrEqualTo(lastOld);

    // the rest of the chain still verifies, from its new base and from the checkpoints
    sealer.seal(true);
    ChainReport whole = verifier.verify();
    assertThat(whole.intact()).isTrue();
    assertThat(whole.fromSeq()).isEqualTo(base + 1);
    var after = verification.run(true);
    assertThat(after.latest()).isNotNull();
    assertThat(after.latest().broken()).isFalse();
  }
}
