package org.suishen.status.internal;

import java.time.Instant;
import org.suishen.status.Colour;

/** One change of a person's status, as {@code health_status_history} keeps it. */
public record HistoryEntry(
    long id,
    Colour colour,
    Colour previousColour,
    String rule,
    String reason,
    String source,
    boolean redeclareNotice,
    Instant effectiveAt,
    Instant recordedAt,
    String causedBy,
    String cause) {}
