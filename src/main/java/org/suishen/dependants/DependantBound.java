package org.suishen.dependants;

import java.time.Instant;
import java.util.UUID;

/**
 * Published when a binding takes effect: at once for a same-household binding, or when a reviewer
 * approves the uploaded evidence. From {@code at} the holder may act for the dependant.
 */
public record DependantBound(UUID bindingId, UUID holder, UUID dependant, Instant at) {}
