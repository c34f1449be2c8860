package org.suishen.sampling.internal;

import java.sql.Timestamp;
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
import org.suishen.shared.partition.DayPartitions;
import org.suishen.shared.security.Actor;

/**
 * Keeps a partition of {@code sampling_registration} for each day from today to {@code
 * partitions-ahead} days on (the city's days), so that a round's 25 million rows of a day land in
 * their own table, and drops the days past {@code suishen.sampling.retention} as a whole (a purge
 * by DELETE would not keep up), at start and every night. Each purge is audited; the terminals'
 * idempotency keys past their keeping time go in the same run. Nodes take turns under an advisory
 * lock and the nightly run under its job lock.
 */
@Component
class SamplingPartitions implements ApplicationRunner {

  static final String PURGED = "sampling.registrations.purged";

  private static final long LOCK = 0x5341_4d50L; // "SAMP"

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final SamplingProperties properties;
  private final AuditTrail audit;
  private final Clock clock;

  SamplingPartitions(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      SamplingProperties properties,
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

  @Scheduled(cron = "0 5 0 * * *", zone = "${suishen.time-zone:Asia/Shanghai}")
  @SchedulerLock(name = "sampling.samplingPartitions")
  void nightly() {
    upkeep();
  }

  /** Creates the days ahead and purges the days past the retention; null if it failed (logged). */
  DayPartitions.@Nullable Upkeep upkeep() {
    LocalDate today = LocalDate.now(clock);
    long keptDays = Math.max(1, properties.retention().toDays());
    LocalDate firstKept = today.minusDays(keptDays);
    return DayPartitions.keepLocked(
        transactions,
        jdbc,
        LOCK,
        "sampling_registration",
        today,
        properties.partitionsAhead(),
        firstKept,
        clock.getZone(),
        upkeep -> {
          jdbc.sql("DELETE FROM sampling_idempotency WHERE created_at < ?")
              .param(Timestamp.from(clock.instant().minus(properties.idempotencyKeptFor())))
              .update();
          if (upkeep.purged()) {
            audit.record(
                AuditEvent.of(
                    Actor.system("sampling-retention"),
                    PURGED,
                    null,
                    "sampling registrations before "
                        + firstKept
                        + " ("
                        + keptDays
                        + " days kept): "
                        + upkeep.describe()));
          }
        });
  }
}
