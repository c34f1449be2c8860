package org.suishen.appeals.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.appeals.AppealKind;

/** An open appeal in the reviewers' queue: no personal data, so listing it reads nobody's data. */
public record QueueEntry(
    UUID id,
    AppealKind kind,
    AppealState state,
    Instant submittedAt,
    @Nullable String reviewer,
    int files) {}
