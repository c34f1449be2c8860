package org.suishen.audit.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.audit.internal.AuditEntry;

/** An audit entry as the API shows it; the hash in hex. */
record AuditEntryView(
    @Schema(example = "981274") long id,
    @Schema(example = "120394") @Nullable Long chainSeq,
    Instant occurredAt,
    @Schema(example = "staff:li.ming") String actor,
    @Schema(example = "status.manual.approved") String action,
    @Nullable UUID subject,
    @Schema(example = "two-person manual status change") String reason,
    @Schema(example = "colour=GREEN") @Nullable String detail,
    @Schema(example = "9f2c4b7a1e0d3c5b8a6f2e1d0c9b8a7f6e5d4c3b2a190817f6e5d4c3b2a1908e1")
        @Nullable String hash,
    @Schema(example = "true") boolean sealed) {

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
