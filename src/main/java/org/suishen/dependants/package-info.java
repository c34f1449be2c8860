/**
 * Dependants (亲属随申码): family members bound to minors, the elderly and people who cannot apply
 * alone, with evidence of the relationship (MISSION R1-R4).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dependants")
@org.jspecify.annotations.NullMarked
package org.suishen.dependants;
