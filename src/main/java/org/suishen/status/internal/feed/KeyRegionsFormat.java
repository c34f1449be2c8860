package org.suishen.status.internal.feed;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The key-region list: {@code region_code, name, valid_from, valid_to} (dates, both included;
 * {@code valid_to} empty while the listing is open). Keyed by region and first day; a row for a
 * known listing updates its name and last day (e.g. to close it). The people who arrived recently
 * from a changed region are evaluated again.
 */
final class KeyRegionsFormat extends FeedFormat {

  @Override
  List<String> columns() {
    return List.of("region_code", "name", "valid_from", "valid_to");
  }

  @Override
  Set<String> requiredColumns() {
    return Set.of("region_code", "name", "valid_from");
  }

  @Override
  String stageColumns() {
    return "region_code TEXT, name TEXT, valid_from DATE, valid_to DATE";
  }

  @Override
  List<String> copyColumns() {
    return List.of("region_code", "name", "valid_from", "valid_to");
  }

  @Override
  @Nullable String[] stage(FeedRow row, FeedContext context) throws RowRejected {
    String region = FeedValues.regionCode(row.required("region_code"));
    String name = FeedValues.regionName(row.required("name"));
    LocalDate from = FeedValues.date(row.required("valid_from"));
    String toText = row.get("valid_to");
    LocalDate to = toText == null ? null : FeedValues.date(toText);
    if (to != null && to.isBefore(from)) {
      throw new RowRejected("status.feed.end-before-start");
    }
    return new @Nullable String[] {
      region, name, from.toString(), to == null ? null : to.toString()
    };
  }

  @Override
  void validate(FeedContext context) {
    context.rejectDuplicates("region_code, valid_from");
  }

  @Override
  int apply(FeedContext context) {
    context.update("CREATE TEMP TABLE status_feed_regions (region_code TEXT) ON COMMIT DROP");
    int changed =
        context.update(
            "WITH changed AS (INSERT INTO key_region AS k (region_code, valid_from, valid_to,"
                + " name, recorded_at, feed_id) SELECT region_code, valid_from, valid_to, name,"
                + " :now, :feed FROM "
                + FeedContext.STAGE
                + " WHERE reject IS NULL"
                + " ON CONFLICT (region_code, valid_from) DO UPDATE SET name = EXCLUDED.name,"
                + " valid_to = EXCLUDED.valid_to, recorded_at = EXCLUDED.recorded_at,"
                + " feed_id = EXCLUDED.feed_id"
                + " WHERE (k.name, k.valid_to) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.valid_to)"
                + " RETURNING k.region_code)"
                + " INSERT INTO status_feed_regions SELECT region_code FROM changed");
    context.update(
        "INSERT INTO "
            + FeedContext.TOUCHED
            + " SELECT DISTINCT a.person_id FROM region_arrival a"
            + " WHERE a.region_code IN (SELECT region_code FROM status_feed_regions)"
            + " AND a.arrived_on >= :arrivalsFrom");
    return changed;
  }
}
