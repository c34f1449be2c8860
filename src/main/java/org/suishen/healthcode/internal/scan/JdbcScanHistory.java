package org.suishen.healthcode.internal.scan;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suishen.healthcode.ScanHistory;

/** Groups one person's scans from the {@code scan_record_person_idx} (person, time) index. */
@Repository
class JdbcScanHistory implements ScanHistory {

  private final JdbcClient jdbc;

  JdbcScanHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<ScanDay> days(
      Collection<UUID> personIds, Instant from, Instant to, ZoneId zone, int limit) {
    if (personIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT (scanned_at AT TIME ZONE :zone)::date AS day, person_id, scanner, location,"
                + " purpose, code_type, count(*) AS scans, min(scanned_at) AS first, max(scanned_at) AS last"
                + " FROM scan_record WHERE person_id IN (:persons)"
                + " AND scanned_at >= :from AND scanned_at < :to"
                + " GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY last DESC LIMIT :limit")
        .param("zone", zone.getId())
        .param("persons", List.copyOf(personIds))
        .param("from", from.atOffset(ZoneOffset.UTC))
        .param("to", to.atOffset(ZoneOffset.UTC))
        .param("limit", limit)
        .query(
            (rs, n) ->
                new ScanDay(
                    rs.getObject("day", java.time.LocalDate.class),
                    rs.getObject("person_id", UUID.class),
                    rs.getString("scanner"),
                    rs.getString("location"),
                    rs.getString("purpose"),
                    rs.getString("code_type"),
                    rs.getLong("scans"),
                    rs.getObject("first", OffsetDateTime.class).toInstant(),
                    rs.getObject("last", OffsetDateTime.class).toInstant()))
        .list();
  }
}
