package org.suishen.appeals.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A reviewer's note of a consultation with a department concerned: what was asked, what was
 * answered, when; kept with the appeal, never shown to the person.
 */
public record Consultation(
    UUID id,
    UUID appealId,
    String department,
    String question,
    String answer,
    Instant consultedAt,
    String recordedBy,
    Instant recordedAt) {}
