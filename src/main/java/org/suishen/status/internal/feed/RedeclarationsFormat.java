package org.suishen.status.internal.feed;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Requests that people declare their health information again: {@code person_id | document_type +
 * document_number, requested_at}. A green code shows the notice until the person declares after the
 * request. One row per person per feed; an older request than the one known changes nothing.
 */
final class RedeclarationsFormat extends FeedFormat {

  @Override
  List<String> columns() {
    return List.of("person_id", "document_type", "document_number", "requested_at");
  }

  @Override
  Set<String> requiredColumns() {
    return Set.of("requested_at");
  }

  @Override
  String stageColumns() {
    return PERSON_STAGE_COLUMNS + ", requested_at TIMESTAMPTZ";
  }

  @Override
  List<String> copyColumns() {
    return List.of("person_id", "document_type", "document_number", "requested_at");
  }

  @Override
  @Nullable String[] stage(FeedRow row, FeedContext context) throws RowRejected {
    @Nullable String[] person = FeedValues.person(row);
    Instant requested = FeedValues.time(row.required("requested_at"), context.zone());
    if (requested.isAfter(context.now())) {
      throw new RowRejected("status.feed.time-in-future");
    }
    return new @Nullable String[] {person[0], person[1], person[2], requested.toString()};
  }

  @Override
  void validate(FeedContext context) {
    resolvePeople(context);
    context.rejectDuplicates("person_id");
  }

  @Override
  int apply(FeedContext context) {
    return context.update(
        "WITH changed AS (INSERT INTO declaration_state AS d (person_id, redeclare_requested_at)"
            + " SELECT person_id, requested_at FROM "
            + FeedContext.STAGE
            + " WHERE reject IS NULL ON CONFLICT (person_id) DO UPDATE"
            + " SET redeclare_requested_at = EXCLUDED.redeclare_requested_at"
            + " WHERE d.redeclare_requested_at IS NULL"
            + " OR d.redeclare_requested_at < EXCLUDED.redeclare_requested_at"
            + " RETURNING d.person_id)"
            + " INSERT INTO "
            + FeedContext.TOUCHED
            + " SELECT person_id FROM changed");
  }
}
