package org.suishen.dependants.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.dependants.BindingState;
import org.suishen.dependants.DependantKind;
import org.suishen.dependants.Relationship;
import org.suishen.dependants.internal.PersonSummary;
import org.suishen.dependants.internal.ReviewItem;

/**
 * A binding on the reviewer's pages, ready to show, with the relationship the holder stated (the
 * reviewer checks the page against it; {@code null} for applications made before it was asked).
 */
record ReviewCard(
    UUID id,
    PersonSummary holder,
    PersonSummary dependant,
    DependantKind kind,
    @Nullable Relationship relationship,
    BindingState state,
    String requestedAt,
    String approvedAt,
    String endedAt,
    @Nullable String reason,
    boolean hasEvidence,
    boolean evidenceImage,
    String evidencePurgedOn,
    String evidenceSha256) {

  static ReviewCard of(ReviewItem item, PageTimes times) {
    var b = item.binding();
    var evidence = item.evidence();
    boolean held = evidence != null && !evidence.purged();
    return new ReviewCard(
        b.id(),
        item.holder(),
        item.dependant(),
        b.kind(),
        b.relationship(),
        b.state(),
        times.format(b.requestedAt()),
        times.format(b.approvedAt()),
        times.format(b.endedAt()),
        b.reason(),
        evidence != null,
        held && evidence.format().image(),
        evidence == null ? "" : times.date(evidence.purgedAt()),
        evidence == null ? "" : evidence.sha256());
  }

  /** The page was deleted under the retention rule (only its hash is left). */
  public boolean evidencePurged() {
    return !evidencePurgedOn.isEmpty();
  }

  public boolean pending() {
    return state == BindingState.PENDING;
  }

  public boolean removable() {
    return state.active();
  }
}
