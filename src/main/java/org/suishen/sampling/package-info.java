/**
 * Mass-testing rounds (MISSION S1-S4): sampling sites, tubes and the registration of people into
 * them from every credential, the chain of custody to the lab, lab results and where they go (the
 * status engine, recalls, the person's and their family's result view). docs/sampling.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sampling and labs")
@org.jspecify.annotations.NullMarked
package org.suishen.sampling;
