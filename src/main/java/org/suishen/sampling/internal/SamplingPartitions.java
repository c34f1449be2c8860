package org.suishen.sampling.internal;

import java.time.Clock;
import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.shared.partition.DayPartitions;

/**
 * Keeps a partition of {@code sampling_registration} for each day from today to {@code
 * partitions-ahead} days on (the city's days), at start and every night, so that a round's 25
 * million rows of a day land in their own table (old days are detached or dropped as a whole).
 * Nodes take turns under an advisory lock; a day already there is left alone.
 */
@Component
class SamplingPartitions implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(SamplingPartitions.class);
  private static final long LOCK = 0x5341_4d50L; // "SAMP"

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final SamplingProperties properties;
  private final Clock clock;

  SamplingPartitions(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      SamplingProperties properties,
      Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    ensure();
  }

  @Scheduled(cron = "0 5 0 * * *", zone = "${suishen.time-zone:Asia/Shanghai}")
  @SchedulerLock(name = "sampling.samplingPartitions")
  void nightly() {
    ensure();
  }

  /** Creates the missing days; returns how many it created. */
  int ensure() {
    LocalDate today = LocalDate.now(clock);
    Integer created;
    try {
      created = create(today);
    } catch (org.springframework.dao.DataAccessException e) {
      // rows of that day in the default partition (the job did not run in time): registrations
      // keep landing in the default partition, nothing is refused; an operator moves them
      log.error("Sampling registrations: could not create the day partitions", e);
      return 0;
    }
    if (created != null && created > 0) {
      log.info("Sampling registrations: {} day partition(s) created", created);
    }
    return created == null ? 0 : created;
  }

  private @org.jspecify.annotations.Nullable Integer create(LocalDate today) {
    return transactions.execute(
        status -> {
          jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query().singleRow();
          return DayPartitions.ensure(
              jdbc, "sampling_registration", today, properties.partitionsAhead(), clock.getZone());
        });
  }
}
