package org.suishen.dependants.internal;

import org.jspecify.annotations.Nullable;
import org.suishen.dependants.Binding;

/**
 * A binding as a reviewer sees it: both people masked, and the uploaded page if any (possibly
 * deleted under the retention rule).
 */
public record ReviewItem(
    Binding binding,
    PersonSummary holder,
    PersonSummary dependant,
    @Nullable StoredEvidence evidence) {

  /** The format of the uploaded page, if there was one. */
  public @Nullable EvidenceFormat evidenceFormat() {
    return evidence == null ? null : evidence.format();
  }
}
