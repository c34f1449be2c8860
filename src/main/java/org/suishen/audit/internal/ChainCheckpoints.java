package org.suishen.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suishen.audit.internal.ChainCheckpoint.Status;
import org.suishen.audit.internal.ChainReport.BrokenLink;
import org.suishen.audit.internal.ChainReport.Problem;

/** The table {@code audit_chain_checkpoint} (V6_3): few rows, newest = highest id. */
@Repository
public class ChainCheckpoints {

  private static final String COLUMNS =
      "id, chain_seq, hash, status, verified_at, entries, broken_seq, broken_id, problem,"
          + " anchored_at, anchored_to";

  private final JdbcClient jdbc;

  ChainCheckpoints(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The newest checkpoint, whatever its status. */
  public Optional<ChainCheckpoint> latest() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM audit_chain_checkpoint ORDER BY id DESC LIMIT 1")
        .query(ChainCheckpoints::checkpoint)
        .optional();
  }

  /** The newest VERIFIED checkpoint: where the next verification continues. */
  Optional<ChainCheckpoint> latestVerified() {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM audit_chain_checkpoint WHERE status = 'VERIFIED' ORDER BY id DESC LIMIT 1")
        .query(ChainCheckpoints::checkpoint)
        .optional();
  }

  /** The newest anchored checkpoint. */
  Optional<ChainCheckpoint> latestAnchored() {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM audit_chain_checkpoint WHERE anchored_at IS NOT NULL"
                + " ORDER BY id DESC LIMIT 1")
        .query(ChainCheckpoints::checkpoint)
        .optional();
  }

  /** Checkpoints newest first, with an id below {@code before} if given. */
  public List<ChainCheckpoint> list(@Nullable Long before, boolean anchoredOnly, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM audit_chain_checkpoint WHERE id < ?"
                + (anchoredOnly ? " AND anchored_at IS NOT NULL" : "")
                + " ORDER BY id DESC LIMIT ?")
        .param(before == null ? Long.MAX_VALUE : before)
        .param(limit)
        .query(ChainCheckpoints::checkpoint)
        .list();
  }

  ChainCheckpoint verified(long seq, byte[] hash, Instant at, long entries) {
    return insert(seq, hash, Status.VERIFIED, at, entries, null);
  }

  ChainCheckpoint broken(
      long lastGoodSeq, byte[] lastGoodHash, Instant at, long entries, BrokenLink where) {
    return insert(lastGoodSeq, lastGoodHash, Status.BROKEN, at, entries, where);
  }

  void markAnchored(long id, Instant at, String to) {
    jdbc.sql("UPDATE audit_chain_checkpoint SET anchored_at = ?, anchored_to = ? WHERE id = ?")
        .param(at.atOffset(ZoneOffset.UTC))
        .param(to)
        .param(id)
        .update();
  }

  private ChainCheckpoint insert(
      long seq, byte[] hash, Status status, Instant at, long entries, @Nullable BrokenLink where) {
    return jdbc.sql(
            "INSERT INTO audit_chain_checkpoint"
                + " (chain_seq, hash, status, verified_at, entries, broken_seq, broken_id, problem)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING "
                + COLUMNS)
        .param(seq)
        .param(hash)
        .param(status.name())
        .param(at.atOffset(ZoneOffset.UTC))
        .param(entries)
        .param(where == null ? null : where.seq())
        .param(where == null ? null : where.id())
        .param(where == null ? null : where.problem().name())
        .query(ChainCheckpoints::checkpoint)
        .single();
  }

  private static ChainCheckpoint checkpoint(ResultSet rs, int row) throws SQLException {
    OffsetDateTime anchoredAt = rs.getObject("anchored_at", OffsetDateTime.class);
    String problem = rs.getString("problem");
    return new ChainCheckpoint(
        rs.getLong("id"),
        rs.getLong("chain_seq"),
        rs.getBytes("hash"),
        Status.valueOf(rs.getString("status")),
        rs.getObject("verified_at", OffsetDateTime.class).toInstant(),
        rs.getLong("entries"),
        nullableLong(rs, "broken_seq"),
        nullableLong(rs, "broken_id"),
        problem == null ? null : Problem.valueOf(problem),
        anchoredAt == null ? null : anchoredAt.toInstant(),
        rs.getString("anchored_to"));
  }

  private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
