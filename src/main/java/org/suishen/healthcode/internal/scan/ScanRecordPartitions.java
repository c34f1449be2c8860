package org.suishen.healthcode.internal.scan;

import java.time.Clock;
import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.healthcode.internal.HealthCodeProperties;
import org.suishen.shared.partition.DayPartitions;
import org.suishen.shared.security.Actor;

/**
 * Keeps a partition of the scan records for each day from today to {@code partitions-ahead} days
 * on, and drops the days past {@code suishen.healthcode.scan.retention} as a whole (hundreds of
 * millions of rows a day at peak: a purge by DELETE would not keep up), at start and every night.
 * Each purge is audited; nodes take turns under an advisory lock and the nightly run under its job
 * lock. Rows in the default partition (from before partitioning, or upkeep that was late) move into
 * their day when it is made and are deleted past the same cut-off.
 */
@Component
public class ScanRecordPartitions implements ApplicationRunner {

  static final String PURGED = "healthcode.scans.purged";

  private static final long LOCK = 0x5343_414EL; // "SCAN"

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final HealthCodeProperties properties;
  private final AuditTrail audit;
  private final Clock clock;

  ScanRecordPartitions(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      HealthCodeProperties properties,
      AuditTrail audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.properties = properties;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    upkeep();
  }

  @Scheduled(cron = "0 15 0 * * *", zone = "${suishen.time-zone:Asia/Shanghai}")
  @SchedulerLock(name = "healthcode.scanRecordPartitions")
  void nightly() {
    upkeep();
  }

  /** Creates the days ahead and purges the days past the retention; null if it failed (logged). */
  public DayPartitions.@Nullable Upkeep upkeep() {
    LocalDate today = LocalDate.now(clock);
    long keptDays = Math.max(1, properties.scan().retention().toDays());
    LocalDate firstKept = today.minusDays(keptDays);
    return DayPartitions.keepLocked(
        transactions,
        jdbc,
        LOCK,
        "scan_record",
        today,
        properties.scan().partitionsAhead(),
        firstKept,
        clock.getZone(),
        upkeep -> {
          if (upkeep.purged()) {
            audit.record(
                AuditEvent.of(
                    Actor.system("scan-record-retention"),
                    PURGED,
                    null,
                    "scan records before "
                        + firstKept
                        + " ("
                        + keptDays
                        + " days kept): "
                        + upkeep.describe()));
          }
        });
  }
}
