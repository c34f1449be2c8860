package org.suishen.venues.internal.venue;

import java.time.Instant;
import java.util.UUID;

/**
 * A venue (场所) with its place in the city and its manager (a staff login).
 *
 * @param venueCode the random reference its poster's QR carries (rotated by the manager)
 */
public record Venue(
    UUID id,
    String name,
    String address,
    String district,
    String street,
    String community,
    VenueKind kind,
    String manager,
    String venueCode,
    Instant codeRotatedAt,
    Instant registeredAt) {}
