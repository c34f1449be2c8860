package org.suishen.appeals.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.appeals.AppealKind;

/**
 * A decided appeal in the reviewers' history: the person masked (null where the register no longer
 * knows them), what was decided, by whom and when.
 */
public record DecidedAppeal(
    UUID id,
    AppealKind kind,
    Outcome outcome,
    @Nullable String maskedName,
    @Nullable String maskedDocumentNumber,
    String decidedBy,
    Instant decidedAt) {}
