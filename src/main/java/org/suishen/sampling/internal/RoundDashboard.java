package org.suishen.sampling.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The authority's view of a testing round's day (in the city's time): sites, people registered,
 * tubes by where they are (open, sealed, received, resulted), positives and open recalls.
 */
@Component
public class RoundDashboard {

  /** The figures of one day. */
  public record Day(
      LocalDate day,
      int openSites,
      long registrations,
      long tubesOpen,
      long tubesSealed,
      long tubesReceived,
      long tubesResulted,
      long positiveTubes,
      long invalidTubes,
      long openRecalls) {}

  private final JdbcClient jdbc;
  private final ZoneId zone;

  RoundDashboard(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.zone = clock.getZone();
  }

  public Day of(LocalDate day) {
    Timestamp from = Timestamp.from(day.atStartOfDay(zone).toInstant());
    Timestamp to = Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant());
    int sites =
        jdbc.sql("SELECT count(*) FROM sampling_site WHERE closed_at IS NULL")
            .query(Integer.class)
            .single();
    long registrations =
        jdbc.sql(
                "SELECT count(*) FROM sampling_registration WHERE registered_at >= ?"
                    + " AND registered_at < ? AND withdrawn_at IS NULL")
            .params(from, to)
            .query(Long.class)
            .single();
    var tubes =
        jdbc.sql(
                "SELECT count(*) FILTER (WHERE sealed_at IS NULL),"
                    + " count(*) FILTER (WHERE sealed_at IS NOT NULL AND received_at IS NULL),"
                    + " count(*) FILTER (WHERE received_at IS NOT NULL AND result IS NULL),"
                    + " count(*) FILTER (WHERE result IS NOT NULL),"
                    + " count(*) FILTER (WHERE result = 'POSITIVE'),"
                    + " count(*) FILTER (WHERE result = 'INVALID')"
                    + " FROM tube WHERE opened_at >= ? AND opened_at < ?")
            .params(from, to)
            .query(
                (rs, n) ->
                    new long[] {
                      rs.getLong(1),
                      rs.getLong(2),
                      rs.getLong(3),
                      rs.getLong(4),
                      rs.getLong(5),
                      rs.getLong(6)
                    })
            .single();
    long recalls =
        jdbc.sql("SELECT count(*) FROM sampling_recall WHERE settled_at IS NULL")
            .query(Long.class)
            .single();
    return new Day(
        day,
        sites,
        registrations,
        tubes[0],
        tubes[1],
        tubes[2],
        tubes[3],
        tubes[4],
        tubes[5],
        recalls);
  }
}
