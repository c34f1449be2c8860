package org.suishen.status.internal.policy;

import java.time.Instant;
import org.suishen.status.Colour;

/**
 * What one rule says about a person now: a colour other than green, with its reason.
 *
 * @param since when the condition began (e.g. the order's start, the arrival day)
 */
public record Finding(Colour colour, String rule, String reason, String source, Instant since) {}
