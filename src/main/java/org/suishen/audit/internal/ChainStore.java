package org.suishen.audit.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the sealed chain: its head and entries by position (the unique {@code chain_seq} index).
 */
@Component
class ChainStore {

  /** The head the sealer recorded: the last sealed position and its hash. */
  record Head(long seq, byte[] hash) {}

  private final JdbcClient jdbc;

  ChainStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Head head() {
    return jdbc.sql("SELECT chain_seq, hash FROM audit_chain_head")
        .query((rs, row) -> new Head(rs.getLong("chain_seq"), rs.getBytes("hash")))
        .single();
  }

  /**
   * Where the chain starts now: position 0 and the genesis hash, or, once the oldest days were
   * dropped past the retention, the last position dropped and its hash (AuditPartitions).
   */
  Head base() {
    return jdbc.sql("SELECT chain_seq, hash FROM audit_chain_base")
        .query((rs, row) -> new Head(rs.getLong("chain_seq"), rs.getBytes("hash")))
        .single();
  }

  List<AuditEntry> entries(long fromSeq, long toSeq, int limit) {
    return jdbc.sql(
            "SELECT "
                + AuditRows.COLUMNS
                + " FROM audit_event WHERE chain_seq >= ? AND chain_seq <= ?"
                + " ORDER BY chain_seq LIMIT ?")
        .param(fromSeq)
        .param(toSeq)
        .param(limit)
        .query(AuditRows::entry)
        .list();
  }

  Optional<AuditEntry> entryAt(long seq) {
    return jdbc.sql("SELECT " + AuditRows.COLUMNS + " FROM audit_event WHERE chain_seq = ?")
        .param(seq)
        .query(AuditRows::entry)
        .optional();
  }
}
