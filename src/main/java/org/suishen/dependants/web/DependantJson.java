package org.suishen.dependants.web;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.dependants.BindingState;
import org.suishen.dependants.DependantKind;
import org.suishen.dependants.Evidence;
import org.suishen.dependants.RemovalCause;
import org.suishen.dependants.internal.DependantRow;
import org.suishen.identity.DocumentType;

/**
 * A binding as its holder sees it: the dependant masked (name, document number), with age and kind.
 * {@code removalCause} says why a removed binding ended ({@code CAME_OF_AGE}: the dependant turned
 * 18); {@code cameOfAge} is also true for an active minor binding whose dependant is of age today
 * (no more proxy; the daily job ends it).
 */
record DependantJson(
    UUID id,
    UUID dependantId,
    String maskedName,
    @Nullable DocumentType documentType,
    String maskedDocumentNumber,
    int age,
    DependantKind kind,
    Evidence evidence,
    BindingState state,
    Instant requestedAt,
    @Nullable Instant approvedAt,
    @Nullable Instant endedAt,
    @Nullable String reason,
    @Nullable RemovalCause removalCause,
    boolean cameOfAge) {

  static DependantJson of(DependantRow row) {
    var b = row.binding();
    var p = row.dependant();
    return new DependantJson(
        b.id(),
        b.dependant(),
        p.maskedName(),
        p.documentType(),
        p.maskedDocumentNumber(),
        p.age(),
        b.kind(),
        b.evidence(),
        b.state(),
        b.requestedAt(),
        b.approvedAt(),
        b.endedAt(),
        b.reason(),
        b.removalCause(),
        row.cameOfAge());
  }
}
