package org.suishen.shared.partition;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One partition per day of the city ({@code <table>_yyyyMMdd}) for a table partitioned by range of
 * its time column: created ahead, dropped as a whole when past their keeping time. Callers run
 * these inside a transaction under their own advisory lock (nodes take turns); table names are the
 * callers' constants, never input.
 */
public final class DayPartitions {

  private static final Logger log = LoggerFactory.getLogger(DayPartitions.class);
  private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final Pattern TABLE = Pattern.compile("[a-z_]{1,40}");
  private static final Pattern KEY = Pattern.compile("RANGE \\(([a-z_]{1,63})\\)");

  private DayPartitions() {}

  /** What one upkeep did: days made, days dropped, rows of the default partition deleted. */
  public record Upkeep(int created, List<LocalDate> dropped, int defaultRowsDeleted) {

    public Upkeep {
      dropped = List.copyOf(dropped);
    }

    /** Whether anything past its keeping time went (what the caller audits). */
    public boolean purged() {
      return !dropped.isEmpty() || defaultRowsDeleted > 0;
    }

    /** For the audit trail: "days [2026-02-01], 3 rows of the default partition". */
    public String describe() {
      return "days " + dropped + ", " + defaultRowsDeleted + " rows of the default partition";
    }
  }

  /**
   * {@link #keep} as a job runs it (at start and nightly): in a transaction of its own under the
   * table's advisory lock {@code lock} (nodes take turns), then {@code alongside} in the same
   * transaction (the caller's own clean-up and its audit of the purge). Null if the database
   * refused (logged): rows keep landing, in the default partition if need be; nothing is refused.
   */
  public static @Nullable Upkeep keepLocked(
      TransactionTemplate transactions,
      JdbcClient jdbc,
      long lock,
      String table,
      LocalDate today,
      int ahead,
      LocalDate firstKept,
      ZoneId zone,
      Consumer<Upkeep> alongside) {
    try {
      return transactions.execute(
          status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(lock).query().singleRow();
            Upkeep upkeep = keep(jdbc, table, today, ahead, firstKept, zone);
            alongside.accept(upkeep);
            return upkeep;
          });
    } catch (DataAccessException e) {
      log.error("Day partitions of {}: upkeep failed", table, e);
      return null;
    }
  }

  /**
   * The whole upkeep of a table kept for a time: the days from {@code today} to {@code ahead} days
   * on made, the days before {@code firstKept} dropped, and the rows before it that fell into the
   * default partition deleted.
   */
  public static Upkeep keep(
      JdbcClient jdbc, String table, LocalDate today, int ahead, LocalDate firstKept, ZoneId zone) {
    int created = ensure(jdbc, table, today, ahead, zone);
    List<LocalDate> dropped = dropBefore(jdbc, table, firstKept);
    int deleted =
        jdbc.sql("DELETE FROM " + table + "_default WHERE " + partitionKey(jdbc, table) + " < ?")
            .param(Timestamp.from(firstKept.atStartOfDay(zone).toInstant()))
            .update();
    return new Upkeep(created, dropped, deleted);
  }

  /** The name of a table's partition for a day ({@code scan_record_20260301}). */
  public static String partitionOf(String table, LocalDate day) {
    return table + "_" + SUFFIX.format(day);
  }

  /** Creates the missing days from {@code today} to {@code ahead} days on; returns how many. */
  public static int ensure(JdbcClient jdbc, String table, LocalDate today, int ahead, ZoneId zone) {
    check(table);
    int made = 0;
    for (int d = 0; d <= ahead; d++) {
      LocalDate day = today.plusDays(d);
      String name = partitionOf(table, day);
      boolean exists =
          jdbc.sql("SELECT to_regclass(?) IS NOT NULL").param(name).query(Boolean.class).single();
      if (!exists) {
        var from = day.atStartOfDay(zone).toOffsetDateTime();
        var to = day.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        String bounds = " FOR VALUES FROM ('" + from + "') TO ('" + to + "')";
        if (strayRows(jdbc, table, from, to)) {
          // rows of the day already landed in the default partition (upkeep was late): the day
          // cannot be created over them, so it is made apart, given them, then attached (with the
          // parent's CHECK constraints, which ATTACH requires)
          String key = partitionKey(jdbc, table);
          jdbc.sql(
                  "CREATE TABLE "
                      + name
                      + " (LIKE "
                      + table
                      + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS)")
              .update();
          jdbc.sql(
                  "WITH moved AS (DELETE FROM "
                      + table
                      + "_default WHERE "
                      + key
                      + " >= ? AND "
                      + key
                      + " < ? RETURNING *) INSERT INTO "
                      + name
                      + " SELECT * FROM moved")
              .params(from, to)
              .update();
          jdbc.sql("ALTER TABLE " + table + " ATTACH PARTITION " + name + bounds).update();
        } else {
          jdbc.sql("CREATE TABLE " + name + " PARTITION OF " + table + bounds).update();
        }
        made++;
      }
    }
    return made;
  }

  private static boolean strayRows(
      JdbcClient jdbc, String table, OffsetDateTime from, OffsetDateTime to) {
    boolean hasDefault =
        jdbc.sql("SELECT to_regclass(?) IS NOT NULL")
            .param(table + "_default")
            .query(Boolean.class)
            .single();
    if (!hasDefault) {
      return false;
    }
    String key = partitionKey(jdbc, table);
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM "
                + table
                + "_default WHERE "
                + key
                + " >= ? AND "
                + key
                + " < ?)")
        .params(from, to)
        .query(Boolean.class)
        .single();
  }

  /** The column the table is partitioned by, from the catalogue ("RANGE (passed_at)"). */
  private static String partitionKey(JdbcClient jdbc, String table) {
    String definition =
        jdbc.sql("SELECT pg_get_partkeydef(?::regclass)").param(table).query(String.class).single();
    Matcher m = KEY.matcher(definition);
    if (!m.matches()) {
      throw new IllegalStateException(table + " is not partitioned by range of one column");
    }
    return m.group(1);
  }

  /** Drops the day partitions of days before {@code firstKept}; returns the days dropped. */
  public static List<LocalDate> dropBefore(JdbcClient jdbc, String table, LocalDate firstKept) {
    check(table);
    var dropped = new ArrayList<LocalDate>();
    List<String> names =
        jdbc.sql(
                "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                    + " JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = ?"
                    + " ORDER BY c.relname")
            .param(table)
            .query(String.class)
            .list();
    for (String name : names) {
      String suffix = name.substring(Math.min(name.length(), table.length() + 1));
      LocalDate day;
      try {
        day = LocalDate.parse(suffix, SUFFIX);
      } catch (DateTimeParseException e) {
        continue; // the default partition, or one an operator made
      }
      if (day.isBefore(firstKept)) {
        jdbc.sql("DROP TABLE " + name).update();
        dropped.add(day);
      }
    }
    return dropped;
  }

  private static void check(String table) {
    if (!TABLE.matcher(table).matches()) {
      throw new IllegalArgumentException("not a table name: " + table);
    }
  }
}
