package org.suishen.dependants.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.dependants.BindingState;
import org.suishen.dependants.DependantKind;
import org.suishen.dependants.Evidence;
import org.suishen.dependants.Relationship;
import org.suishen.dependants.internal.DependantRow;

/**
 * One dependant on the holder's page, ready to show: the holder's current binding of them. The page
 * addresses the dependant by {@code dependantId} (element ids, the remove form, the proxy buttons).
 * The relationship is {@code null} for a binding applied for before it was asked (none is shown).
 */
record DependantCard(
    UUID dependantId,
    String maskedName,
    String maskedDocumentNumber,
    int age,
    DependantKind kind,
    @Nullable Relationship relationship,
    Evidence evidence,
    BindingState state,
    String requestedAt,
    String approvedAt,
    String endedAt,
    @Nullable String reason,
    boolean cameOfAge) {

  static DependantCard of(DependantRow row, PageTimes times) {
    var b = row.binding();
    return new DependantCard(
        b.dependant(),
        row.dependant().maskedName(),
        row.dependant().maskedDocumentNumber(),
        row.dependant().age(),
        b.kind(),
        b.relationship(),
        b.evidence(),
        b.state(),
        times.format(b.requestedAt()),
        times.format(b.approvedAt()),
        times.format(b.endedAt()),
        b.reason(),
        row.cameOfAge());
  }

  /** Bound and still giving a proxy (not a minor binding of a dependant who came of age today). */
  public boolean bound() {
    return state == BindingState.APPROVED && !cameOfAge;
  }

  /** Ended by coming of age (state REMOVED). */
  public boolean endedByComingOfAge() {
    return cameOfAge && state == BindingState.REMOVED;
  }

  public boolean removable() {
    return state.active();
  }
}
