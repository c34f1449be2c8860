package org.suishen.dependants.internal;

import org.jspecify.annotations.Nullable;
import org.suishen.dependants.Binding;

/**
 * A binding as a reviewer sees it: both people masked, and the format of the uploaded page if any.
 */
public record ReviewItem(
    Binding binding,
    PersonSummary holder,
    PersonSummary dependant,
    @Nullable EvidenceFormat evidenceFormat) {}
