/**
 * The printed offline code (离线随申码) for people without smartphones: eligibility, kiosk applications,
 * the daily limit, loss and reissue (MISSION O1-O11). Not built yet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Offline code")
@org.jspecify.annotations.NullMarked
package org.suishen.offlinecode;
