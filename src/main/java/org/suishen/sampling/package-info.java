/** Mass-testing sampling registration, tubes, labs and results (MISSION S1-S4). Not built yet. */
@org.springframework.modulith.ApplicationModule(displayName = "Sampling and labs")
@org.jspecify.annotations.NullMarked
package org.suishen.sampling;
