package org.suishen.dependants;

import java.time.Instant;
import java.util.UUID;

/**
 * Published when an approved binding is removed (by the holder or a reviewer). From {@code at} the
 * holder may no longer act for the dependant; proxy codes the holder holds for the dependant should
 * stop working.
 *
 * @param byReviewer whether a reviewer (rather than the holder) removed it
 */
public record DependantUnbound(
    UUID bindingId, UUID holder, UUID dependant, Instant at, boolean byReviewer) {}
