package org.suishen.status.internal.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suishen.status.internal.Sql;

/**
 * What a feed's rows are checked and applied against: its id, the time it was received, the city's
 * zone and today's date there.
 *
 * @param arrivalsFrom arrivals before this day can no longer make anyone yellow
 */
record FeedContext(
    UUID feedId,
    Instant now,
    ZoneId zone,
    LocalDate today,
    LocalDate arrivalsFrom,
    JdbcClient jdbc) {

  static final String STAGE = "status_feed_stage";
  static final String TOUCHED = "status_feed_touched";

  /** Runs a statement with the feed's parameters bound by name ({@code :now}, {@code :feed}...). */
  int update(String sql) {
    return jdbc.sql(sql)
        .param("now", Sql.time(now))
        .param("feed", feedId)
        .param("today", today)
        .param("arrivalsFrom", arrivalsFrom)
        .update();
  }

  /** Sets a reason code on the rows a condition picks, unless already rejected. */
  void reject(String code, String condition) {
    jdbc.sql(
            "UPDATE "
                + STAGE
                + " s SET reject = :code WHERE s.reject IS NULL AND ("
                + condition
                + ")")
        .param("code", code)
        .update();
  }

  /** Rejects every row but the first of each group sharing the natural key. */
  void rejectDuplicates(String key) {
    jdbc.sql(
            "UPDATE "
                + STAGE
                + " s SET reject = 'status.feed.duplicate-row' FROM (SELECT line, row_number()"
                + " OVER (PARTITION BY "
                + key
                + " ORDER BY line) AS n FROM "
                + STAGE
                + " WHERE reject IS NULL) d WHERE d.line = s.line AND d.n > 1")
        .update();
  }
}
