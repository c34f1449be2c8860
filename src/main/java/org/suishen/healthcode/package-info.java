/**
 * The live health code (随申码): signed rotating tokens, signing keys and their rotation, the code
 * page, and scanning by staff and terminals (MISSION H3-H6).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Health code")
@org.jspecify.annotations.NullMarked
package org.suishen.healthcode;
