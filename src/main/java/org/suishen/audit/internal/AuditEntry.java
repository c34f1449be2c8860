package org.suishen.audit.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One stored entry of the audit trail, as read back from the database.
 *
 * @param chainSeq its place in the hash chain; {@code null} while not yet sealed
 * @param hash SHA-256 over the previous hash and this entry; {@code null} while not yet sealed
 */
public record AuditEntry(
    long id,
    @Nullable Long chainSeq,
    Instant occurredAt,
    String actor,
    String action,
    @Nullable UUID subject,
    String reason,
    @Nullable String detail,
    byte @Nullable [] hash) {

  public boolean sealed() {
    return chainSeq != null && hash != null;
  }

  /** The hash in lower-case hex, or {@code null} while unsealed. */
  public @Nullable String hashHex() {
    return hash == null ? null : java.util.HexFormat.of().formatHex(hash);
  }
}
