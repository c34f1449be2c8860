package org.suishen.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.shared.partition.DayPartitions;
import org.suishen.shared.security.Actor;

/**
 * Keeps a partition of the audit trail for each day from today to {@code partitions-ahead} days on,
 * and drops the days past {@code suishen.audit.retention} as a whole, at start and every night;
 * nodes take turns under an advisory lock. A day goes only once every entry of it is sealed and
 * lies before the newest verified checkpoint: an entry the verification has not vouched for is
 * never dropped, and the checkpoint's own entry stays (the next run checks its hash). Before the
 * drop, the last position that goes and its hash become the chain's base ({@code
 * audit_chain_base}), where a verification from the beginning now starts. Each purge is itself an
 * entry of the trail.
 */
@Component
class AuditPartitions implements ApplicationRunner {

  static final String PURGED = "audit.purged";

  private static final Logger log = LoggerFactory.getLogger(AuditPartitions.class);
  private static final long LOCK = 0x4155_4454L; // "AUDT"
  private static final String TABLE = "audit_event";
  private static final Pattern PARTITION = Pattern.compile("audit_event_[a-z0-9_]{1,40}");

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final AuditProperties properties;
  private final ChainCheckpoints checkpoints;
  private final AuditTrail audit;
  private final Clock clock;

  AuditPartitions(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      AuditProperties properties,
      ChainCheckpoints checkpoints,
      AuditTrail audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.properties = properties;
    this.checkpoints = checkpoints;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    upkeep();
  }

  @Scheduled(cron = "0 20 0 * * *", zone = "${suishen.time-zone:Asia/Shanghai}")
  @SchedulerLock(name = "audit.partitions")
  void nightly() {
    upkeep();
  }

  /** Creates the days ahead and drops the verified days past the retention; null if it failed. */
  DayPartitions.@Nullable Upkeep upkeep() {
    try {
      return transactions.execute(
          status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query().singleRow();
            // the append-only trigger lets this transaction move and delete rows (V29_3)
            jdbc.sql("SELECT set_config('suishen.audit_upkeep', 'on', true)").query().singleRow();
            LocalDate today = LocalDate.now(clock);
            long keptDays = Math.max(1, properties.retention().toDays());
            LocalDate firstKept = firstKept(today.minusDays(keptDays));
            Optional<ChainStore.Head> base = lastPositionBefore(firstKept);
            var upkeep =
                DayPartitions.keep(
                    jdbc, TABLE, today, properties.partitionsAhead(), firstKept, clock.getZone());
            guardAgainstTruncate();
            if (upkeep.purged()) {
              base.ifPresent(b -> moveBase(b, firstKept));
              audit.record(
                  AuditEvent.of(
                      Actor.system("audit-retention"),
                      PURGED,
                      null,
                      "entries before "
                          + firstKept
                          + " ("
                          + keptDays
                          + " days kept): "
                          + upkeep.describe()
                          + base.map(b -> "; verification starts after position " + b.seq())
                              .orElse("")));
            }
            return upkeep;
          });
    } catch (DataAccessException e) {
      log.error("Day partitions of {}: upkeep failed", TABLE, e);
      return null;
    }
  }

  /**
   * A statement trigger of the parent is not cloned to its partitions: each partition gets its own
   * refusal of {@code TRUNCATE}, as the parent has (V29_3).
   */
  private void guardAgainstTruncate() {
    List<String> unguarded =
        jdbc.sql(
                "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                    + " JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = ?"
                    + " AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid"
                    + " AND t.tgname = 'audit_event_no_truncate')")
            .param(TABLE)
            .query(String.class)
            .list();
    for (String partition : unguarded) {
      if (!PARTITION.matcher(partition).matches()) {
        continue; // not one of ours (names come from the catalogue, never from input)
      }
      jdbc.sql(
              "CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "
                  + partition
                  + " FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()")
          .update();
    }
  }

  /**
   * The first day kept: the retention's, or the day of the oldest entry before it that is not
   * verified yet (unsealed, or at or after the newest verified checkpoint).
   */
  private LocalDate firstKept(LocalDate byRetention) {
    long verified = checkpoints.latestVerified().map(ChainCheckpoint::seq).orElse(0L);
    OffsetDateTime oldestUnverified =
        jdbc.sql(
                "SELECT min(occurred_at) FROM audit_event"
                    + " WHERE occurred_at < ? AND (chain_seq IS NULL OR chain_seq >= ?)")
            .param(Timestamp.from(byRetention.atStartOfDay(clock.getZone()).toInstant()))
            .param(verified)
            .query(OffsetDateTime.class)
            .optional()
            .orElse(null);
    if (oldestUnverified == null) {
      return byRetention;
    }
    LocalDate day = oldestUnverified.atZoneSameInstant(clock.getZone()).toLocalDate();
    return day.isBefore(byRetention) ? day : byRetention;
  }

  /** The highest chain position among the entries before the day, with its hash. */
  private Optional<ChainStore.Head> lastPositionBefore(LocalDate firstKept) {
    return jdbc.sql(
            "SELECT chain_seq, hash FROM audit_event WHERE occurred_at < ?"
                + " AND chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1")
        .param(Timestamp.from(firstKept.atStartOfDay(clock.getZone()).toInstant()))
        .query((rs, row) -> new ChainStore.Head(rs.getLong(1), rs.getBytes(2)))
        .optional();
  }

  private void moveBase(ChainStore.Head base, LocalDate firstKept) {
    jdbc.sql(
            "UPDATE audit_chain_base SET chain_seq = ?, hash = ?, kept_from = ?, purged_at = ?"
                + " WHERE chain_seq < ?")
        .param(base.seq())
        .param(base.hash())
        .param(firstKept)
        .param(OffsetDateTime.now(clock))
        .param(base.seq())
        .update();
  }
}
