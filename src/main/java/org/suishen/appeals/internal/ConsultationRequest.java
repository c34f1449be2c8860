package org.suishen.appeals.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A note of a consultation as the reviewer sent it, unchecked.
 *
 * @param department the department consulted, e.g. 区疾控中心, 派出所 (or the appellant)
 * @param consultedAt when the consultation took place; now if absent
 */
public record ConsultationRequest(
    @Nullable String department,
    @Nullable String question,
    @Nullable String answer,
    @Nullable Instant consultedAt) {}
