package org.suishen.status;

import java.time.Instant;
import java.util.UUID;

/** Published whenever a person's colour (or its rule) changes. */
public record HealthStatusChanged(
    UUID personId, Colour from, Colour to, String rule, String reason, String source, Instant at) {}
