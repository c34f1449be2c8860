package org.suishen.venues.internal.passage;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A venue's own figures for one day, for its staff: counts only, never the people (D3: who passed
 * is for the health authority's trace queries).
 */
@Component
public class PassageCounts {

  /** One day's passages at a venue, by decision and provenance. */
  public record DayCounts(
      LocalDate day,
      long admitted,
      long refused,
      long sentinel,
      long staffCheck,
      long selfScan,
      long offline) {}

  private final JdbcClient jdbc;

  PassageCounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public DayCounts of(UUID venueId, LocalDate day, ZoneId zone) {
    Instant from = day.atStartOfDay(zone).toInstant();
    Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
    return jdbc.sql(
            "SELECT count(*) FILTER (WHERE admitted) AS admitted,"
                + " count(*) FILTER (WHERE NOT admitted) AS refused,"
                + " count(*) FILTER (WHERE provenance = 'SENTINEL') AS sentinel,"
                + " count(*) FILTER (WHERE provenance = 'STAFF_CHECK') AS staff_check,"
                + " count(*) FILTER (WHERE provenance = 'SELF_SCAN') AS self_scan,"
                + " count(*) FILTER (WHERE offline) AS offline"
                + " FROM passage WHERE venue_id = ? AND passed_at >= ? AND passed_at < ?")
        .params(venueId, Timestamp.from(from), Timestamp.from(to))
        .query(
            (rs, n) ->
                new DayCounts(
                    day,
                    rs.getLong("admitted"),
                    rs.getLong("refused"),
                    rs.getLong("sentinel"),
                    rs.getLong("staff_check"),
                    rs.getLong("self_scan"),
                    rs.getLong("offline")))
        .single();
  }
}
