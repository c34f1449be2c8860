package org.suishen.status.web;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.suishen.status.internal.HistoryEntry;

/**
 * A page of a person's status history, newest first; {@code next} is the cursor for the page after
 * (pass it as {@code before}).
 */
record HistoryView(List<Entry> entries, @Nullable Long next) {

  /**
   * One change. {@code cause} says what kind of event caused it ({@code feed}, {@code manual},
   * {@code appeal}, {@code expiry}, ...); {@code causedBy} (who) is shown to the authority only.
   */
  record Entry(
      long id,
      String colour,
      String previousColour,
      String rule,
      String reason,
      StatusTexts.Bilingual reasonText,
      String source,
      boolean redeclareNotice,
      Instant effectiveAt,
      Instant recordedAt,
      String cause,
      @Nullable String causedBy) {}

  static HistoryView of(List<HistoryEntry> entries, int limit, StatusTexts texts, boolean showWho) {
    var views =
        entries.stream()
            .map(
                e ->
                    new Entry(
                        e.id(),
                        e.colour().name(),
                        e.previousColour().name(),
                        e.rule(),
                        e.reason(),
                        texts.reason(e.reason()),
                        e.source(),
                        e.redeclareNotice(),
                        e.effectiveAt(),
                        e.recordedAt(),
                        causeKind(e.cause()),
                        showWho ? e.causedBy() : null))
            .toList();
    Long next = entries.size() == limit ? entries.getLast().id() : null;
    return new HistoryView(views, next);
  }

  /** {@code feed:<id>} -> {@code feed}; the reference itself stays with the authority. */
  static String causeKind(String cause) {
    int colon = cause.indexOf(':');
    return colon < 0 ? cause : cause.substring(0, colon);
  }
}
