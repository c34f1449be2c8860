package org.suishen.healthcode.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.suishen.shared.partition.DayPartitions;

/**
 * A city's scan history before the benchmark starts (issue 15, "Growth": scans with 0 and with 200
 * M rows already in the table): {@code rows} scan records spread evenly over the {@code days} days
 * before today, each day in its own partition as {@code ScanRecordPartitions} keeps them. A day is
 * loaded into a bare table, gets the partitioned table's indexes, a CHECK of its bounds (so that
 * ATTACH needs no validating scan) and is attached: the same shape as a day the application wrote
 * itself, built in a fraction of the time. Who scanned whom is random (random person ids, 20 000
 * sentinels, 5 000 places, about 10 % yellow and 1 % red): the indexes get the shape of real
 * traffic, not of one hot row.
 */
final class ScanHistory {

  private ScanHistory() {}

  static void load(DataSource dataSource, long rows, int days, ZoneId zone, LocalDate today)
      throws Exception {
    long started = System.nanoTime();
    long perDay = rows / days;
    // two sessions: the machine has two cores, and PostgreSQL loads one table per session
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int d = days; d >= 1; d--) {
        LocalDate day = today.minusDays(d);
        done.add(
            pool.submit(
                () -> {
                  long t = System.nanoTime();
                  loadDay(dataSource, day, perDay, zone);
                  System.out.printf(
                      "BENCH   scan history %s: %,d rows in %.0f s%n",
                      day, perDay, (System.nanoTime() - t) / 1e9);
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("ANALYZE scan_record");
    }
    System.out.printf(
        "BENCH scan history: %,d rows over %d days in %.0f s%n",
        perDay * days, days, (System.nanoTime() - started) / 1e9);
  }

  private static void loadDay(DataSource dataSource, LocalDate day, long rows, ZoneId zone)
      throws SQLException {
    // named as the application names its days, so that its upkeep keeps and drops them
    String name = DayPartitions.partitionOf("scan_record", day);
    String from = day.atStartOfDay(zone).toOffsetDateTime().toString();
    String to = day.plusDays(1).atStartOfDay(zone).toOffsetDateTime().toString();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      // a bulk load: nothing else is waiting for this session's commits
      s.execute("SET synchronous_commit = off");
      s.execute("SET maintenance_work_mem = '512MB'");
      s.execute("CREATE TABLE " + name + " (LIKE scan_record INCLUDING DEFAULTS)");
      s.execute(
          "INSERT INTO "
              + name
              + " (scanned_at, scanner, purpose, location, result, code_type, person_ref,"
              + " person_id, colour) SELECT timestamptz '"
              + from
              + "' + (i * (86400000000 / "
              + rows
              + ")) * interval '1 microsecond', 'device:sentinel-' || (i * 7919 % 20000),"
              + " 'ENTRY', 'venue ' || (i * 104729 % 5000), 'ACCEPTED', 'LIVE',"
              + " gen_random_uuid(), gen_random_uuid(),"
              + " CASE WHEN i % 100 = 0 THEN 'RED' WHEN i % 10 = 1 THEN 'YELLOW' ELSE 'GREEN' END"
              + " FROM generate_series(0::bigint, "
              + (rows - 1)
              + ") AS i");
      s.execute("CREATE INDEX ON " + name + " (person_id, scanned_at) WHERE person_id IS NOT NULL");
      s.execute("CREATE INDEX ON " + name + " USING brin (scanned_at)");
      s.execute(
          "ALTER TABLE "
              + name
              + " ADD CONSTRAINT "
              + name
              + "_bounds CHECK (scanned_at >= '"
              + from
              + "' AND scanned_at < '"
              + to
              + "')");
      s.execute(
          "ALTER TABLE scan_record ATTACH PARTITION "
              + name
              + " FOR VALUES FROM ('"
              + from
              + "') TO ('"
              + to
              + "')");
      s.execute("ALTER TABLE " + name + " DROP CONSTRAINT " + name + "_bounds");
      s.execute("VACUUM (ANALYZE) " + name);
    }
  }
}
