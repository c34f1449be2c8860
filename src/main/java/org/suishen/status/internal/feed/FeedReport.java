package org.suishen.status.internal.feed;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one feed.
 *
 * @param appliedAt when the facts were committed: from then on reads of the people touched give
 *     their new status (evaluated on the spot until persisted)
 * @param finishedAt when every status touched was evaluated, persisted and published
 * @param rowsChanged rows that changed a fact
 * @param rowsUnchanged rows accepted that changed nothing (e.g. a replay)
 * @param peopleTouched people whose facts changed and who were evaluated again
 * @param statusesChanged how many of them changed status ({@code null} while still evaluating)
 * @param rejections rejected rows by line (at most the configured number; see {@code rowsRejected}
 *     for all)
 */
public record FeedReport(
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
    List<Rejection> rejections) {

  /** A rejected row: its line (position from 1 for JSON) and the reason code. */
  public record Rejection(int line, String code) {}
}
