package org.suishen.dependants.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.dependants.BindingState;
import org.suishen.dependants.DependantKind;
import org.suishen.dependants.Evidence;
import org.suishen.dependants.Relationship;
import org.suishen.dependants.RemovalCause;
import org.suishen.dependants.internal.DependantRow;
import org.suishen.identity.DocumentType;

/**
 * A dependant as their holder sees them, through the holder's current binding: the dependant under
 * the names of the application ({@code name}, {@code documentType}, {@code documentNumber}), name
 * and number masked, with age, kind and {@code relationship} (as stated in the application; null
 * for bindings applied for before it was asked). {@code removalCause} says why a removed binding
 * ended ({@code CAME_OF_AGE}: the dependant turned 18); {@code cameOfAge} is also true for an
 * active minor binding whose dependant is of age today (no more proxy; the daily job ends it).
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
    @Schema(description = "The dependant's name as in the register, masked", example = "李*宝")
        String name,
    @Schema(example = "RESIDENT_ID") @Nullable DocumentType documentType,
    @Schema(description = "The dependant's document number, masked", example = "3101**********0035")
        String documentNumber,
    @Schema(description = "Completed years, today (city clock)", example = "5") int age,
    @Schema(example = "MINOR") DependantKind kind,
    @Schema(
            description =
                "Who the dependant is to the holder, as stated in the application; null for"
                    + " bindings applied for before it was asked",
            example = "CHILD")
        @Nullable Relationship relationship,
    @Schema(example = "HOUSEHOLD_REGISTER") Evidence evidence,
    @Schema(example = "APPROVED") BindingState state,
    Instant requestedAt,
    @Schema(description = "null unless approved") @Nullable Instant approvedAt,
    @Schema(description = "when it was rejected or removed; null while active")
        @Nullable Instant endedAt,
    @Schema(
            description =
                "The reviewer's reason for a rejection or removal, shown to the holder; null"
                    + " otherwise",
            example = "户口本页不清晰，请重新上传。")
        @Nullable String reason,
    @Schema(description = "why a REMOVED binding ended; null otherwise")
        @Nullable RemovalCause removalCause,
    @Schema(
            description =
                "The dependant turned 18 and the binding rested on being a minor: no more proxy",
            example = "false")
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
        b.relationship(),
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
