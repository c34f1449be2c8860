package org.suishen.dependants.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.dependants.BindingState;
import org.suishen.dependants.DependantKind;
import org.suishen.dependants.internal.PersonSummary;
import org.suishen.dependants.internal.ReviewItem;

/** A binding on the reviewer's pages, ready to show. */
record ReviewCard(
    UUID id,
    PersonSummary holder,
    PersonSummary dependant,
    DependantKind kind,
    BindingState state,
    String requestedAt,
    String approvedAt,
    String endedAt,
    @Nullable String reason,
    boolean hasEvidence,
    boolean evidenceImage) {

  static ReviewCard of(ReviewItem item, PageTimes times) {
    var b = item.binding();
    var format = item.evidenceFormat();
    return new ReviewCard(
        b.id(),
        item.holder(),
        item.dependant(),
        b.kind(),
        b.state(),
        times.format(b.requestedAt()),
        times.format(b.approvedAt()),
        times.format(b.endedAt()),
        b.reason(),
        format != null,
        format != null && format.image());
  }

  public boolean pending() {
    return state == BindingState.PENDING;
  }

  public boolean removable() {
    return state.active();
  }
}
