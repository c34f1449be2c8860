package org.suishen.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Reading {@code audit_event} rows. */
final class AuditRows {

  static final String COLUMNS =
      "id, chain_seq, occurred_at, actor, action, subject, reason, detail, hash";

  private AuditRows() {}

  static AuditEntry entry(ResultSet rs, int row) throws SQLException {
    long seq = rs.getLong("chain_seq");
    Long chainSeq = rs.wasNull() ? null : seq;
    return new AuditEntry(
        rs.getLong("id"),
        chainSeq,
        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
        rs.getString("actor"),
        rs.getString("action"),
        rs.getObject("subject", UUID.class),
        rs.getString("reason"),
        rs.getString("detail"),
        rs.getBytes("hash"));
  }
}
