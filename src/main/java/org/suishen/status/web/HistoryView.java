package org.suishen.status.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.suishen.status.internal.HistoryEntry;

/**
 * A page of a person's status history, newest first; {@code next} is the cursor for the page after
 * (pass it as {@code before}).
 */
@Schema(description = "A page of a person's status history, newest first")
record HistoryView(
    List<Entry> entries,
    @Schema(description = "The before of the next page; null on the last", example = "1822")
        @Nullable Long next) {

  /**
   * One change. {@code cause} says what kind of event caused it ({@code feed}, {@code manual},
   * {@code appeal}, {@code expiry}, ...); {@code causedBy} (who) is shown to the authority only.
   */
  @Schema(name = "StatusHistoryEntry", description = "One change of a person's status")
  record Entry(
      @Schema(example = "1841") long id,
      @Schema(
              example = "YELLOW",
              allowableValues = {"GREEN", "YELLOW", "RED"})
          String colour,
      @Schema(
              example = "GREEN",
              allowableValues = {"GREEN", "YELLOW", "RED"})
          String previousColour,
      @Schema(description = "The rule that decided", example = "key-region-arrival") String rule,
      @Schema(description = "Stable reason code", example = "key-region-arrival.observation")
          String reason,
      @Schema(description = "The reason in Chinese and English") StatusTexts.Bilingual reasonText,
      @Schema(description = "Where the deciding data came from", example = "authority-feed")
          String source,
      @Schema(description = "Show 'please declare your health information again'", example = "true")
          boolean redeclareNotice,
      @Schema(description = "When the change took effect", example = "2026-04-02T08:30:00Z")
          Instant effectiveAt,
      @Schema(description = "When it was recorded", example = "2026-04-02T08:30:02Z")
          Instant recordedAt,
      @Schema(
              description = "What kind of event caused it: feed, manual, appeal, expiry, ...",
              example = "feed")
          String cause,
      @Schema(
              description = "Who caused it: shown to the health authority only",
              example = "staff:zhao.min")
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
