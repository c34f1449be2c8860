package org.suishen.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suishen.identity.RegisterImportJob;
import org.suishen.identity.RegisterImportPhase;
import org.suishen.identity.RegisterImportStatus;
import org.suishen.identity.RegisterRejection;

/** Tables {@code register_import} (one row per import) and {@code register_import_rejection}. */
@Repository
class RegisterImportJobs {

  /** Advisory-lock namespace: an import's worker holds (LOCK_CLASS, hashtext(id)) while alive. */
  static final int LOCK_CLASS = 20201;

  private static final String COLUMNS =
      "id, file_name, started_by, status, phase, bytes_total, bytes_read, rows_read, rows_rejected,"
          + " rows_merged, rows_inserted, failure, started_at, finished_at";

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  RegisterImportJobs(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
    this.jdbc = jdbc;
    this.batch = jdbcTemplate;
  }

  RegisterImportJob create(
      UUID id, String fileName, String startedBy, long bytesTotal, Instant now) {
    jdbc.sql(
            "INSERT INTO register_import (id, file_name, started_by, status, phase, bytes_total,"
                + " started_at, updated_at) VALUES (?, ?, ?, 'RUNNING', 'QUEUED', ?, ?, ?)")
        .param(id)
        .param(fileName)
        .param(startedBy)
        .param(bytesTotal)
        .param(at(now))
        .param(at(now))
        .update();
    return new RegisterImportJob(
        id,
        fileName,
        startedBy,
        RegisterImportStatus.RUNNING,
        RegisterImportPhase.QUEUED,
        bytesTotal,
        0,
        0,
        0,
        0,
        0,
        null,
        now,
        null);
  }

  void progress(RegisterImportJob job, Instant now) {
    jdbc.sql(
            "UPDATE register_import SET phase = ?, bytes_read = ?, rows_read = ?, rows_rejected = ?,"
                + " updated_at = ? WHERE id = ? AND status = 'RUNNING'")
        .param(job.phase().name())
        .param(job.bytesRead())
        .param(job.rowsRead())
        .param(job.rowsRejected())
        .param(at(now))
        .param(job.id())
        .update();
  }

  /** Marks the import DONE; false if it is no longer RUNNING (then the caller must roll back). */
  boolean finish(RegisterImportJob job, Instant now) {
    return jdbc.sql(
                "UPDATE register_import SET status = 'DONE', phase = 'FINISHED', bytes_read = ?,"
                    + " rows_read = ?, rows_rejected = ?, rows_merged = ?, rows_inserted = ?,"
                    + " updated_at = ?, finished_at = ? WHERE id = ? AND status = 'RUNNING'")
            .param(job.bytesRead())
            .param(job.rowsRead())
            .param(job.rowsRejected())
            .param(job.rowsMerged())
            .param(job.rowsInserted())
            .param(at(now))
            .param(at(now))
            .param(job.id())
            .update()
        == 1;
  }

  /** Marks the import FAILED with the code; nothing of it was merged. */
  void fail(UUID id, String code, Instant now) {
    jdbc.sql(
            "UPDATE register_import SET status = 'FAILED', phase = 'FINISHED', failure = ?,"
                + " rows_merged = 0, rows_inserted = 0, updated_at = ?, finished_at = ?"
                + " WHERE id = ? AND status = 'RUNNING'")
        .param(code)
        .param(at(now))
        .param(at(now))
        .param(id)
        .update();
  }

  /**
   * Marks FAILED every import RUNNING since before {@code cutoff} whose worker no longer holds its
   * lock (the server stopped while it ran: its transaction was rolled back).
   */
  int failInterrupted(Instant cutoff, Instant now) {
    return jdbc.sql(
            "UPDATE register_import SET status = 'FAILED', phase = 'FINISHED', failure = ?,"
                + " updated_at = ?, finished_at = ? WHERE status = 'RUNNING' AND started_at < ?"
                + " AND pg_try_advisory_xact_lock(?, hashtext(id::text))")
        .param(RegisterImportErrors.INTERRUPTED)
        .param(at(now))
        .param(at(now))
        .param(at(cutoff))
        .param(LOCK_CLASS)
        .update();
  }

  Optional<RegisterImportJob> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM register_import WHERE id = ?")
        .param(id)
        .query(RegisterImportJobs::job)
        .optional();
  }

  List<RegisterImportJob> recent(int limit) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM register_import ORDER BY started_at DESC LIMIT ?")
        .param(limit)
        .query(RegisterImportJobs::job)
        .list();
  }

  void reject(UUID importId, List<RegisterRejection> rejections) {
    if (rejections.isEmpty()) {
      return;
    }
    batch.batchUpdate(
        "INSERT INTO register_import_rejection (import_id, line, reason, detail, document)"
            + " VALUES (?, ?, ?, ?, ?)",
        rejections,
        1000,
        (ps, r) -> {
          ps.setObject(1, importId);
          ps.setLong(2, r.line());
          ps.setString(3, r.reason());
          ps.setString(4, r.detail());
          ps.setString(5, r.document());
        });
  }

  List<RegisterRejection> rejections(UUID importId, int limit) {
    return jdbc.sql(
            "SELECT line, reason, detail, document FROM register_import_rejection"
                + " WHERE import_id = ? ORDER BY line LIMIT ?")
        .param(importId)
        .param(limit)
        .query(RegisterImportJobs::rejection)
        .list();
  }

  /** Streams every rejection in line order (call inside a transaction: rows are fetched lazily). */
  void eachRejection(UUID importId, RowCallbackHandler handler) {
    var streaming = new JdbcTemplate(batch.getDataSource());
    streaming.setFetchSize(1000);
    streaming.query(
        "SELECT line, reason, detail, document FROM register_import_rejection"
            + " WHERE import_id = ? ORDER BY line",
        handler,
        importId);
  }

  static RegisterRejection rejection(ResultSet rs, int row) throws SQLException {
    return new RegisterRejection(
        rs.getLong("line"),
        rs.getString("reason"),
        rs.getString("detail"),
        rs.getString("document"));
  }

  private static RegisterImportJob job(ResultSet rs, int row) throws SQLException {
    return new RegisterImportJob(
        rs.getObject("id", UUID.class),
        rs.getString("file_name"),
        rs.getString("started_by"),
        RegisterImportStatus.valueOf(rs.getString("status")),
        RegisterImportPhase.valueOf(rs.getString("phase")),
        rs.getLong("bytes_total"),
        rs.getLong("bytes_read"),
        rs.getLong("rows_read"),
        rs.getLong("rows_rejected"),
        rs.getLong("rows_merged"),
        rs.getLong("rows_inserted"),
        rs.getString("failure"),
        instant(rs.getTimestamp("started_at")),
        rs.getTimestamp("finished_at") == null ? null : instant(rs.getTimestamp("finished_at")));
  }

  private static Instant instant(@Nullable Timestamp timestamp) {
    return java.util.Objects.requireNonNull(timestamp).toInstant();
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
