/**
 * Citizen accounts: log-in with a mainland mobile number and a one-time code, real-name
 * registration (claiming an identity from the register), phone rebinding (MISSION H1, H8).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Citizen accounts")
@org.jspecify.annotations.NullMarked
package org.suishen.citizen;
