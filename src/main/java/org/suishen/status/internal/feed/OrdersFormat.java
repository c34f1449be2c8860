package org.suishen.status.internal.feed;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.suishen.status.internal.policy.OrderKind;

/**
 * Medical-management orders: {@code order_id, person_id | document_type + document_number, kind,
 * starts_at, ends_at}. Keyed by the authority's order id: a row for a known order updates it; an
 * order once ended keeps its end unless a row brings another end (a replay of the original order
 * does not undo a release).
 */
final class OrdersFormat extends FeedFormat {

  @Override
  List<String> columns() {
    return List.of(
        "order_id",
        "person_id",
        "document_type",
        "document_number",
        "kind",
        "starts_at",
        "ends_at");
  }

  @Override
  Set<String> requiredColumns() {
    return Set.of("order_id", "kind", "starts_at");
  }

  @Override
  String stageColumns() {
    return "order_id TEXT, "
        + PERSON_STAGE_COLUMNS
        + ", kind TEXT, starts_at TIMESTAMPTZ, ends_at TIMESTAMPTZ";
  }

  @Override
  List<String> copyColumns() {
    return List.of(
        "order_id",
        "person_id",
        "document_type",
        "document_number",
        "kind",
        "starts_at",
        "ends_at");
  }

  @Override
  @Nullable String[] stage(FeedRow row, FeedContext context) throws RowRejected {
    String orderId = FeedValues.orderId(row.required("order_id"));
    @Nullable String[] person = FeedValues.person(row);
    OrderKind kind =
        FeedValues.member(OrderKind.class, row.required("kind"), "status.feed.order-kind-invalid");
    Instant start = FeedValues.time(row.required("starts_at"), context.zone());
    String endText = row.get("ends_at");
    Instant end = endText == null ? null : FeedValues.time(endText, context.zone());
    if (end != null && end.isBefore(start)) {
      throw new RowRejected("status.feed.end-before-start");
    }
    return new @Nullable String[] {
      orderId,
      person[0],
      person[1],
      person[2],
      kind.name(),
      start.toString(),
      end == null ? null : end.toString()
    };
  }

  @Override
  void validate(FeedContext context) {
    context.rejectDuplicates("order_id");
    resolvePeople(context);
    context.reject(
        "status.feed.order-person-mismatch",
        "EXISTS (SELECT 1 FROM medical_order m WHERE m.order_id = s.order_id"
            + " AND m.person_id <> s.person_id)");
    context.reject(
        "status.feed.end-before-start",
        "s.ends_at IS NULL AND EXISTS (SELECT 1 FROM medical_order m WHERE m.order_id ="
            + " s.order_id AND m.ends_at < s.starts_at)");
  }

  @Override
  int apply(FeedContext context) {
    return context.update(
        "WITH changed AS (INSERT INTO medical_order AS m (order_id, person_id, kind, starts_at,"
            + " ends_at, source, recorded_at, feed_id)"
            + " SELECT order_id, person_id, kind, starts_at, ends_at, 'authority-feed', :now,"
            + " :feed FROM "
            + FeedContext.STAGE
            + " WHERE reject IS NULL"
            + " ON CONFLICT (order_id) DO UPDATE SET kind = EXCLUDED.kind,"
            + " starts_at = EXCLUDED.starts_at, ends_at = COALESCE(EXCLUDED.ends_at, m.ends_at),"
            + " recorded_at = EXCLUDED.recorded_at, feed_id = EXCLUDED.feed_id"
            + " WHERE (m.kind, m.starts_at, m.ends_at) IS DISTINCT FROM"
            + " (EXCLUDED.kind, EXCLUDED.starts_at, COALESCE(EXCLUDED.ends_at, m.ends_at))"
            + " RETURNING m.person_id)"
            + " INSERT INTO "
            + FeedContext.TOUCHED
            + " SELECT person_id FROM changed");
  }
}
