package org.suishen.dependants.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.dependants.BindingState;
import org.suishen.dependants.DependantKind;
import org.suishen.dependants.Evidence;
import org.suishen.dependants.Relationship;
import org.suishen.dependants.internal.PersonSummary;
import org.suishen.dependants.internal.ReviewItem;
import org.suishen.dependants.internal.ReviewQueue;

/** A binding as a reviewer sees it: both people masked, the uploaded page's format if any. */
@Schema(description = "A binding as a reviewer sees it, both people masked")
record ReviewJson(
    @Schema(
            description = "The binding id (one application)",
            example = "7d0c2a51-91e4-4b7a-8f0d-2a6e3c9b5d12")
        UUID id,
    @Schema(description = "Who applied") PersonSummary holder,
    @Schema(description = "Who is to be bound") PersonSummary dependant,
    @Schema(example = "MINOR") DependantKind kind,
    @Schema(
            description =
                "Who the dependant is to the holder, as the holder stated it: check the page"
                    + " against it; null for applications made before it was asked",
            example = "GRANDPARENT")
        @Nullable Relationship relationship,
    @Schema(example = "UPLOADED_PAGE") Evidence evidence,
    @Schema(
            description = "The uploaded page's format; null without an upload",
            example = "image/jpeg")
        @Nullable String evidenceMediaType,
    @Schema(
            description = "SHA-256 of the uploaded page, kept after it is deleted",
            example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
        @Nullable String evidenceSha256,
    @Schema(description = "When the page was deleted under the retention rule; null while kept")
        @Nullable Instant evidencePurgedAt,
    @Schema(example = "PENDING") BindingState state,
    Instant requestedAt,
    @Schema(description = "null unless approved") @Nullable Instant approvedAt,
    @Schema(description = "when it was rejected or removed; null while active")
        @Nullable Instant endedAt,
    @Schema(
            description = "The reviewer's reason for a rejection or removal, shown to the holder",
            example = "户口本页不清晰，请重新上传。")
        @Nullable String reason) {

  static ReviewJson of(ReviewItem item) {
    var b = item.binding();
    return new ReviewJson(
        b.id(),
        item.holder(),
        item.dependant(),
        b.kind(),
        b.relationship(),
        b.evidence(),
        item.evidenceFormat() == null ? null : item.evidenceFormat().mediaType(),
        item.evidence() == null ? null : item.evidence().sha256(),
        item.evidence() == null ? null : item.evidence().purgedAt(),
        b.state(),
        b.requestedAt(),
        b.approvedAt(),
        b.endedAt(),
        b.reason());
  }

  /** The review queue: how many are pending, and the oldest of them. */
  @Schema(description = "The review queue")
  record Queue(
      @Schema(description = "How many applications are pending in all", example = "3") long pending,
      @Schema(description = "The oldest of them (suishen.dependants.review-page-size)")
          List<ReviewJson> items) {

    static Queue of(ReviewQueue queue) {
      return new Queue(queue.pending(), queue.items().stream().map(ReviewJson::of).toList());
    }
  }
}
