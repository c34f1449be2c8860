package org.suishen.status.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.status.internal.feed.FeedReport;

/** A feed's report as the API shows it: counts, and rejected rows with their reasons in words. */
@Schema(description = "A feed's report: counts, and the rejected rows with their reasons")
record FeedReportView(
    @Schema(example = "8b3e6f0a-1c2d-4e5f-9a8b-7c6d5e4f3a2b") UUID feedId,
    @Schema(
            allowableValues = {"orders", "releases", "key-regions", "arrivals", "redeclarations"},
            example = "arrivals")
        String kind,
    @Schema(description = "The file's name, if it had one", example = "arrivals-0401.csv")
        @Nullable String fileName,
    @Schema(example = "staff:zhao.min") String submittedBy,
    Instant receivedAt,
    @Schema(description = "When its facts were applied") @Nullable Instant appliedAt,
    @Schema(description = "When the people touched were re-evaluated; null until then")
        @Nullable Instant finishedAt,
    @Schema(description = "Data rows in the feed", example = "1200") int rowsTotal,
    @Schema(description = "Rows that changed a fact", example = "1150") int rowsChanged,
    @Schema(description = "Rows the facts already had", example = "47") int rowsUnchanged,
    @Schema(description = "Rows refused, each with a reason", example = "3") int rowsRejected,
    @Schema(description = "People whose facts changed", example = "1150") int peopleTouched,
    @Schema(description = "Statuses that changed; null until re-evaluated", example = "1102")
        @Nullable Integer statusesChanged,
    @Schema(description = "The first rejected rows (suishen.status.feed.reported-rejections)")
        List<Rejection> rejections,
    @Schema(description = "Whether more rows were rejected than listed", example = "false")
        boolean rejectionsTruncated) {

  @Schema(description = "A rejected row")
  record Rejection(
      @Schema(
              description = "The line in the file (header = 1), or the position in the array",
              example = "17")
          int line,
      @Schema(description = "Stable reason code", example = "status.feed.unknown-person")
          String code,
      @Schema(description = "The reason in Chinese and English") StatusTexts.Bilingual message) {}

  static FeedReportView of(FeedReport report, StatusTexts texts) {
    return new FeedReportView(
        report.feedId(),
        report.kind(),
        report.fileName(),
        report.submittedBy(),
        report.receivedAt(),
        report.appliedAt(),
        report.finishedAt(),
        report.rowsTotal(),
        report.rowsChanged(),
        report.rowsUnchanged(),
        report.rowsRejected(),
        report.peopleTouched(),
        report.statusesChanged(),
        report.rejections().stream()
            .map(r -> new Rejection(r.line(), r.code(), texts.error(r.code())))
            .toList(),
        report.rejections().size() < report.rowsRejected());
  }
}
