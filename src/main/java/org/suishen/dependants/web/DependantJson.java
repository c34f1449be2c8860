package org.suishen.dependants.web;

import io.swagger.v3.oas.annotations.media.Schema;
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
 * A dependant as their holder sees them, through the holder's current binding: the dependant masked
 * (name, document number), with age and kind. {@code removalCause} says why a removed binding ended
 * ({@code CAME_OF_AGE}: the dependant turned 18); {@code cameOfAge} is also true for an active
 * minor binding whose dependant is of age today (no more proxy; the daily job ends it).
 */
@Schema(description = "A dependant and the holder's current binding of them")
record DependantJson(
    @Schema(
            description =
                "The dependant's person id: the one id in every /api/me/dependants/{dependantId}"
                    + " path and page",
            example = "0b6f1c9e-3f7a-4d2e-9a41-5c2d8e7f1a30")
        UUID dependantId,
    @Schema(
            description =
                "This application's id (a new one each time the holder applies again); reviewers"
                    + " and the DependantBound / DependantUnbound events name it",
            example = "7d0c2a51-91e4-4b7a-8f0d-2a6e3c9b5d12")
        UUID bindingId,
    @Schema(example = "李*宝") String maskedName,
    @Nullable DocumentType documentType,
    @Schema(example = "3101**********1234") String maskedDocumentNumber,
    @Schema(example = "5") int age,
    @Schema(example = "MINOR") DependantKind kind,
    @Schema(example = "HOUSEHOLD_REGISTER") Evidence evidence,
    @Schema(example = "APPROVED") BindingState state,
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
        b.dependant(),
        b.id(),
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
