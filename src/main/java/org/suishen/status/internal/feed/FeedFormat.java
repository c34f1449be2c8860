package org.suishen.status.internal.feed;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.suishen.shared.problem.SuishenException;

/**
 * One kind of feed: its columns, how a row is checked and staged, the set-based checks against the
 * database, and the set-based upsert that records which people's facts changed.
 */
abstract class FeedFormat {

  static final List<String> PERSON_COLUMNS =
      List.of("person_id", "document_type", "document_number");

  /** The columns a file may have. */
  abstract List<String> columns();

  /** Columns every file must have (besides the person columns, if the format has them). */
  abstract Set<String> requiredColumns();

  boolean namesPeople() {
    return columns().containsAll(PERSON_COLUMNS);
  }

  /** The staging table's columns after {@code line}, e.g. {@code order_id TEXT, kind TEXT}. */
  abstract String stageColumns();

  /** The staging columns filled from the rows, in the order {@link #stage} returns them. */
  abstract List<String> copyColumns();

  /** Checks one row on its own and returns its staging values; {@code null} values are NULL. */
  abstract @Nullable String[] stage(FeedRow row, FeedContext context) throws RowRejected;

  /** Checks the staged rows against each other and the database, rejecting rows by code. */
  abstract void validate(FeedContext context);

  /**
   * Applies the rows still accepted; puts the people whose facts changed into {@link
   * FeedContext#TOUCHED}.
   *
   * @return how many rows changed something
   */
  abstract int apply(FeedContext context);

  /**
   * Refuses a header with unknown or (if {@code complete}) missing columns, before anything is
   * written.
   */
  void checkHeader(List<String> header, boolean complete) {
    for (String column : header) {
      if (!columns().contains(column)) {
        throw SuishenException.badInput("status.feed.header-unknown-column", column);
      }
    }
    if (!complete) {
      return;
    }
    for (String column : requiredColumns()) {
      if (!header.contains(column)) {
        throw SuishenException.badInput("status.feed.header-missing-column", column);
      }
    }
    if (namesPeople()
        && !header.contains("person_id")
        && !(header.contains("document_type") && header.contains("document_number"))) {
      throw SuishenException.badInput("status.feed.header-missing-column", "person_id");
    }
  }

  void checkHeader(List<String> header) {
    checkHeader(header, true);
  }

  // -- people named by id or document, shared by the formats that name people --

  static final String PERSON_STAGE_COLUMNS =
      "person_id UUID, document_type TEXT, document_number TEXT, resolved UUID";

  /**
   * Resolves documents to person ids through the population register and rejects rows naming nobody
   * known, or naming two different people.
   */
  static void resolvePeople(FeedContext context) {
    String stage = FeedContext.STAGE;
    context.update(
        "UPDATE "
            + stage
            + " s SET resolved = p.id FROM person p WHERE s.reject IS NULL"
            + " AND s.document_type IS NOT NULL AND p.document_type = s.document_type"
            + " AND p.document_number = s.document_number");
    context.reject(
        "status.feed.unknown-person", "s.document_type IS NOT NULL AND s.resolved IS NULL");
    context.reject(
        "status.feed.person-mismatch",
        "s.person_id IS NOT NULL AND s.resolved IS NOT NULL AND s.resolved <> s.person_id");
    context.reject(
        "status.feed.unknown-person",
        "s.person_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM person p WHERE p.id = s.person_id)");
    context.update(
        "UPDATE " + stage + " SET person_id = resolved WHERE reject IS NULL AND person_id IS NULL");
  }
}
