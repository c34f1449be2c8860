package org.suishen.appeals.internal;

import org.jspecify.annotations.Nullable;

/**
 * A reviewer's decision as sent, unchecked.
 *
 * @param outcome {@code UPHELD} or {@code REJECTED}
 * @param correctedColour for upholding a colour appeal
 * @param correctedName for upholding a name appeal
 * @param reason the reviewer's explanation shown to the person: required to reject, optional to
 *     uphold
 */
public record DecisionRequest(
    @Nullable String outcome,
    @Nullable String correctedColour,
    @Nullable String correctedName,
    @Nullable String reason) {}
