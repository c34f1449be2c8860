package org.suishen.dependants.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.dependants.BindingState;
import org.suishen.dependants.DependantKind;
import org.suishen.dependants.Evidence;
import org.suishen.dependants.internal.PersonSummary;
import org.suishen.dependants.internal.ReviewItem;
import org.suishen.dependants.internal.ReviewQueue;

/** A binding as a reviewer sees it: both people masked, the uploaded page's format if any. */
record ReviewJson(
    UUID id,
    PersonSummary holder,
    PersonSummary dependant,
    DependantKind kind,
    Evidence evidence,
    @Nullable String evidenceMediaType,
    @Nullable String evidenceSha256,
    @Nullable Instant evidencePurgedAt,
    BindingState state,
    Instant requestedAt,
    @Nullable Instant approvedAt,
    @Nullable Instant endedAt,
    @Nullable String reason) {

  static ReviewJson of(ReviewItem item) {
    var b = item.binding();
    return new ReviewJson(
        b.id(),
        item.holder(),
        item.dependant(),
        b.kind(),
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
  record Queue(long pending, List<ReviewJson> items) {

    static Queue of(ReviewQueue queue) {
      return new Queue(queue.pending(), queue.items().stream().map(ReviewJson::of).toList());
    }
  }
}
