/** Venue sentinels (数字哨兵): admission rules and passage records (MISSION D1-D3). Not built yet. */
@org.springframework.modulith.ApplicationModule(displayName = "Venues")
@org.jspecify.annotations.NullMarked
package org.suishen.venues;
