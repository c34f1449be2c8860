/**
 * Venues (场所): their rules, digital sentinels (数字哨兵) and staff, venue codes, the passage log and
 * the authority's trace queries (MISSION D1-D3, O9-O11, X1-X3; docs/venues.md). Published: {@link
 * org.suishen.venues.VenueSetup} for provisioning.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Venues")
@org.jspecify.annotations.NullMarked
package org.suishen.venues;
