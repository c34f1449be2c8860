package org.suishen.status;

import java.time.Instant;
import java.util.UUID;

/**
 * Published whenever a person's status changes: its colour, rule or reason, or the "please declare
 * again" notice (then {@code from} and {@code to} may be equal). Published in the transaction that
 * persists the change, together with its history entry.
 *
 * @param at when the change took effect (e.g. the order's start, the first moment of day 14 for an
 *     observation period that ran out); it may lie before the moment it was published
 */
public record HealthStatusChanged(
    UUID personId, Colour from, Colour to, String rule, String reason, String source, Instant at) {}
