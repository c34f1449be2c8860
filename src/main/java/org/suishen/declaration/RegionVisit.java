package org.suishen.declaration;

import java.time.LocalDate;

/**
 * A region the person stayed in within the last 14 days.
 *
 * @param regionCode 6-digit administrative division code (GB/T 2260), e.g. {@code 420100}
 * @param arrivedOn the day the person arrived there
 */
public record RegionVisit(String regionCode, LocalDate arrivedOn) {}
