package org.suishen.status.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.status.internal.feed.FeedReport;

/** A feed's report as the API shows it: counts, and rejected rows with their reasons in words. */
record FeedReportView(
    UUID feedId,
    String kind,
    @Nullable String fileName,
    String submittedBy,
    Instant receivedAt,
    @Nullable Instant appliedAt,
    @Nullable Instant finishedAt,
    int rowsTotal,
    int rowsChanged,
    int rowsUnchanged,
    int rowsRejected,
    int peopleTouched,
    @Nullable Integer statusesChanged,
    List<Rejection> rejections,
    boolean rejectionsTruncated) {

  record Rejection(int line, String code, StatusTexts.Bilingual message) {}

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
