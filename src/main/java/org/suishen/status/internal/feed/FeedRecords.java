package org.suishen.status.internal.feed;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suishen.status.internal.Sql;

/** The stored feeds ({@code status_feed}) and their rejected rows. */
@Repository
class FeedRecords {

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  FeedRecords(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  void insert(FeedReport report) {
    jdbc.sql(
            "INSERT INTO status_feed (id, kind, file_name, submitted_by, received_at, rows_total,"
                + " rows_changed, rows_unchanged, rows_rejected, people_touched)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .param(report.feedId())
        .param(report.kind())
        .param(report.fileName())
        .param(report.submittedBy())
        .param(Sql.time(report.receivedAt()))
        .param(report.rowsTotal())
        .param(report.rowsChanged())
        .param(report.rowsUnchanged())
        .param(report.rowsRejected())
        .param(report.peopleTouched())
        .update();
  }

  void insertRejections(UUID feedId, List<FeedReport.Rejection> rejections) {
    template.batchUpdate(
        "INSERT INTO status_feed_rejection (feed_id, line, code) VALUES (?, ?, ?)",
        rejections,
        1000,
        (ps, r) -> {
          ps.setObject(1, feedId);
          ps.setInt(2, r.line());
          ps.setString(3, r.code());
        });
  }

  void insertStagedRejections(UUID feedId) {
    jdbc.sql(
            "INSERT INTO status_feed_rejection (feed_id, line, code) SELECT ?, line, reject FROM "
                + FeedContext.STAGE
                + " WHERE reject IS NOT NULL")
        .param(feedId)
        .update();
  }

  void applied(UUID feedId, Instant at) {
    jdbc.sql("UPDATE status_feed SET applied_at = ? WHERE id = ?")
        .param(Sql.time(at))
        .param(feedId)
        .update();
  }

  void finish(UUID feedId, int statusesChanged, Instant at) {
    jdbc.sql("UPDATE status_feed SET statuses_changed = ?, finished_at = ? WHERE id = ?")
        .param(statusesChanged)
        .param(Sql.time(at))
        .param(feedId)
        .update();
  }

  Optional<FeedReport> find(UUID feedId, int rejectionLimit) {
    return jdbc.sql(SELECT + " WHERE id = ?")
        .param(feedId)
        .query((rs, n) -> report(rs, rejections(feedId, rejectionLimit)))
        .optional();
  }

  /** The latest feeds, newest first, without their rejections. */
  List<FeedReport> recent(int limit) {
    return jdbc.sql(SELECT + " ORDER BY received_at DESC LIMIT ?")
        .param(limit)
        .query((rs, n) -> report(rs, List.of()))
        .list();
  }

  List<FeedReport.Rejection> rejections(UUID feedId, int limit) {
    return jdbc.sql(
            "SELECT line, code FROM status_feed_rejection WHERE feed_id = ? ORDER BY line LIMIT ?")
        .param(feedId)
        .param(limit)
        .query((rs, n) -> new FeedReport.Rejection(rs.getInt("line"), rs.getString("code")))
        .list();
  }

  private static final String SELECT =
      "SELECT id, kind, file_name, submitted_by, received_at, applied_at, finished_at,"
          + " rows_total,"
          + " rows_changed, rows_unchanged, rows_rejected, people_touched, statuses_changed"
          + " FROM status_feed";

  private static FeedReport report(java.sql.ResultSet rs, List<FeedReport.Rejection> rejections)
      throws java.sql.SQLException {
    @Nullable Integer statusesChanged = rs.getObject("statuses_changed", Integer.class);
    return new FeedReport(
        rs.getObject("id", UUID.class),
        rs.getString("kind"),
        rs.getString("file_name"),
        rs.getString("submitted_by"),
        Sql.instant(rs, "received_at"),
        Sql.instant(rs, "applied_at"),
        Sql.instant(rs, "finished_at"),
        rs.getInt("rows_total"),
        rs.getInt("rows_changed"),
        rs.getInt("rows_unchanged"),
        rs.getInt("rows_rejected"),
        rs.getInt("people_touched"),
        statusesChanged,
        rejections);
  }
}
