package org.suishen.audit.web;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.audit.internal.AuditEntry;

/** An audit entry as the API shows it; the hash in hex. */
record AuditEntryView(
    long id,
    @Nullable Long chainSeq,
    Instant occurredAt,
    String actor,
    String action,
    @Nullable UUID subject,
    String reason,
    @Nullable String detail,
    @Nullable String hash,
    boolean sealed) {

  static AuditEntryView of(AuditEntry entry) {
    return new AuditEntryView(
        entry.id(),
        entry.chainSeq(),
        entry.occurredAt(),
        entry.actor(),
        entry.action(),
        entry.subject(),
        entry.reason(),
        entry.detail(),
        entry.hashHex(),
        entry.sealed());
  }
}
