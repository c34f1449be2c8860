package org.suishen.venues.internal.passage;

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
import org.suishen.venues.internal.VenuesProperties;

/**
 * Keeps a partition of the passage log for each day from today to {@code partitions-ahead} days on,
 * and drops the days past {@code passage-retention} as a whole (D3: the log is kept for a set time,
 * then purged), at start and every night. Each purge is audited; nodes take turns under an advisory
 * lock. Rows that fell into the default partition are deleted by the same cut-off.
 */
@Component
public class PassagePartitions implements ApplicationRunner {

  static final String PURGED = "venues.passage.purged";

  private static final long LOCK = 0x5041_5353L; // "PASS"

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final VenuesProperties properties;
  private final AuditTrail audit;
  private final Clock clock;

  PassagePartitions(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      VenuesProperties properties,
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

  @Scheduled(cron = "0 10 0 * * *", zone = "${suishen.time-zone:Asia/Shanghai}")
  @SchedulerLock(name = "venues.passagePartitions")
  void nightly() {
    upkeep();
  }

  /** Creates the days ahead and purges the days past the retention; null if it failed (logged). */
  public DayPartitions.@Nullable Upkeep upkeep() {
    LocalDate today = LocalDate.now(clock);
    long keptDays = Math.max(1, properties.passageRetention().toDays());
    LocalDate firstKept = today.minusDays(keptDays);
    return DayPartitions.keepLocked(
        transactions,
        jdbc,
        LOCK,
        "passage",
        today,
        properties.partitionsAhead(),
        firstKept,
        clock.getZone(),
        upkeep -> {
          jdbc.sql("DELETE FROM passage_idempotency WHERE created_at < ?")
              .param(
                  java.sql.Timestamp.from(clock.instant().minus(properties.idempotencyKeptFor())))
              .update();
          if (upkeep.purged()) {
            audit.record(
                AuditEvent.of(
                    Actor.system("passage-retention"),
                    PURGED,
                    null,
                    "passages before "
                        + firstKept
                        + " ("
                        + keptDays
                        + " days kept): "
                        + upkeep.describe()));
          }
        });
  }
}
