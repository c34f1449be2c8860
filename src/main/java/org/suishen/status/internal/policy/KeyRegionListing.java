package org.suishen.status.internal.policy;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The authority lists a region as a key region for arrivals from {@code validFrom} to {@code
 * validTo}, both days included; open-ended while {@code validTo} is {@code null}.
 */
public record KeyRegionListing(
    String regionCode, LocalDate validFrom, @Nullable LocalDate validTo) {

  public boolean covers(String region, LocalDate day) {
    return regionCode.equals(region)
        && !day.isBefore(validFrom)
        && (validTo == null || !day.isAfter(validTo));
  }
}
