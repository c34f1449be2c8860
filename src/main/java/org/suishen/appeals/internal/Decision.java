package org.suishen.appeals.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.suishen.status.Colour;

/**
 * A reviewer's decision on an appeal, checked by {@link DecisionPolicy}.
 *
 * @param correctedColour for an upheld colour appeal
 * @param correctedName for an upheld name appeal
 * @param reason the reviewer's explanation shown to the person: required when rejected, optional
 *     when upheld
 * @param decidedBy the reviewer, as the audit trail names them ({@code staff:wang.li})
 */
public record Decision(
    Outcome outcome,
    @Nullable Colour correctedColour,
    @Nullable String correctedName,
    @Nullable String reason,
    String decidedBy,
    Instant decidedAt) {}
