package org.suishen.status.internal.feed;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Arrivals in the city: {@code person_id | document_type + document_number, region_code,
 * arrived_on}. Keyed by person, region and day.
 */
final class ArrivalsFormat extends FeedFormat {

  @Override
  List<String> columns() {
    return List.of("person_id", "document_type", "document_number", "region_code", "arrived_on");
  }

  @Override
  Set<String> requiredColumns() {
    return Set.of("region_code", "arrived_on");
  }

  @Override
  String stageColumns() {
    return PERSON_STAGE_COLUMNS + ", region_code TEXT, arrived_on DATE";
  }

  @Override
  List<String> copyColumns() {
    return List.of("person_id", "document_type", "document_number", "region_code", "arrived_on");
  }

  @Override
  @Nullable String[] stage(FeedRow row, FeedContext context) throws RowRejected {
    @Nullable String[] person = FeedValues.person(row);
    String region = FeedValues.regionCode(row.required("region_code"));
    LocalDate arrivedOn = FeedValues.date(row.required("arrived_on"));
    if (arrivedOn.isAfter(context.today())) {
      throw new RowRejected("status.feed.arrival-in-future");
    }
    return new @Nullable String[] {person[0], person[1], person[2], region, arrivedOn.toString()};
  }

  @Override
  void validate(FeedContext context) {
    resolvePeople(context);
    context.rejectDuplicates("person_id, region_code, arrived_on");
  }

  @Override
  int apply(FeedContext context) {
    return context.update(
        "WITH changed AS (INSERT INTO region_arrival (person_id, region_code, arrived_on, source,"
            + " recorded_at, feed_id) SELECT person_id, region_code, arrived_on, 'authority-feed',"
            + " :now, :feed FROM "
            + FeedContext.STAGE
            + " WHERE reject IS NULL ON CONFLICT DO NOTHING RETURNING person_id)"
            + " INSERT INTO "
            + FeedContext.TOUCHED
            + " SELECT person_id FROM changed");
  }
}
