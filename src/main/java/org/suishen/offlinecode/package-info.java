/**
 * The printed offline code (离线随申码, MISSION O1-O11): for people without a smartphone, applied for at
 * a kiosk, a bank kiosk or on the portal, printed, valid 180 days, checked by staff with the ID
 * card. docs/offlinecode.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Offline code")
@org.jspecify.annotations.NullMarked
package org.suishen.offlinecode;
