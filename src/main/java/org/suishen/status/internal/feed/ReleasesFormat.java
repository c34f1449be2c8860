package org.suishen.status.internal.feed;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Releases from medical management (discharge, exclusion, release): {@code order_id, released_at},
 * for orders the engine knows.
 */
final class ReleasesFormat extends FeedFormat {

  @Override
  List<String> columns() {
    return List.of("order_id", "released_at");
  }

  @Override
  Set<String> requiredColumns() {
    return Set.of("order_id", "released_at");
  }

  @Override
  String stageColumns() {
    return "order_id TEXT, released_at TIMESTAMPTZ";
  }

  @Override
  List<String> copyColumns() {
    return List.of("order_id", "released_at");
  }

  @Override
  @Nullable String[] stage(FeedRow row, FeedContext context) throws RowRejected {
    String orderId = FeedValues.orderId(row.required("order_id"));
    Instant released = FeedValues.time(row.required("released_at"), context.zone());
    return new @Nullable String[] {orderId, released.toString()};
  }

  @Override
  void validate(FeedContext context) {
    context.rejectDuplicates("order_id");
    context.reject(
        "status.feed.unknown-order",
        "NOT EXISTS (SELECT 1 FROM medical_order m WHERE m.order_id = s.order_id)");
    context.reject(
        "status.feed.end-before-start",
        "EXISTS (SELECT 1 FROM medical_order m WHERE m.order_id = s.order_id"
            + " AND s.released_at < m.starts_at)");
  }

  @Override
  int apply(FeedContext context) {
    return context.update(
        "WITH changed AS (UPDATE medical_order m SET ends_at = s.released_at,"
            + " recorded_at = :now, feed_id = :feed FROM "
            + FeedContext.STAGE
            + " s WHERE s.reject IS NULL AND m.order_id = s.order_id"
            + " AND m.ends_at IS DISTINCT FROM s.released_at RETURNING m.person_id)"
            + " INSERT INTO "
            + FeedContext.TOUCHED
            + " SELECT person_id FROM changed");
  }
}
