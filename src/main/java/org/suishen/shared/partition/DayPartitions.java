package org.suishen.shared.partition;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One partition per day of the city ({@code <table>_yyyyMMdd}) for a table partitioned by range of
 * its time column: created ahead, dropped as a whole when past their keeping time. Callers run
 * these inside a transaction under their own advisory lock (nodes take turns); table names are the
 * callers' constants, never input.
 */
public final class DayPartitions {

  private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final Pattern TABLE = Pattern.compile("[a-z_]{1,40}");

  private DayPartitions() {}

  /** Creates the missing days from {@code today} to {@code ahead} days on; returns how many. */
  public static int ensure(JdbcClient jdbc, String table, LocalDate today, int ahead, ZoneId zone) {
    check(table);
    int made = 0;
    for (int d = 0; d <= ahead; d++) {
      LocalDate day = today.plusDays(d);
      String name = table + "_" + SUFFIX.format(day);
      boolean exists =
          jdbc.sql("SELECT to_regclass(?) IS NOT NULL").param(name).query(Boolean.class).single();
      if (!exists) {
        var from = day.atStartOfDay(zone).toOffsetDateTime();
        var to = day.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        jdbc.sql(
                "CREATE TABLE "
                    + name
                    + " PARTITION OF "
                    + table
                    + " FOR VALUES FROM ('"
                    + from
                    + "') TO ('"
                    + to
                    + "')")
            .update();
        made++;
      }
    }
    return made;
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
