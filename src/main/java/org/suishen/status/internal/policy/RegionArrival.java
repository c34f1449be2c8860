package org.suishen.status.internal.policy;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A person arrived in the city from a region on a day.
 *
 * @param source where the engine learned it: {@code authority-feed}, {@code declaration}, ...
 */
public record RegionArrival(
    String regionCode, LocalDate arrivedOn, String source, Instant recordedAt) {}
