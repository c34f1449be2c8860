package org.suishen.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An entry of the audit trail as other contexts read it (the data tracker): without the chain's
 * position and hash, and without {@code detail}, which is for auditors.
 *
 * @param id the entry's id, which an auditor opens with {@code GET /api/audit/events/{id}}
 */
public record AuditRecord(
    long id,
    Instant occurredAt,
    String actor,
    String action,
    @Nullable UUID subject,
    String reason) {

  /** The actor's kind: {@code staff}, {@code device}, {@code citizen} or {@code system}. */
  public String actorKind() {
    int colon = actor.indexOf(':');
    return colon < 0 ? actor : actor.substring(0, colon);
  }

  /** The actor's id within its kind: a staff username, a device id, an account id. */
  public String actorId() {
    int colon = actor.indexOf(':');
    return colon < 0 ? "" : actor.substring(colon + 1);
  }
}
