package org.suishen.declaration;

import java.util.UUID;

/**
 * The family member who declared for a dependant, and the binding that allowed it (a 3-year-old or
 * a 90-year-old cannot declare themselves; MISSION H1, R1-R4). A declaration without one was made
 * by the person themselves.
 *
 * @param holderPersonId the holder's person id (opaque, from the population register)
 * @param bindingId the holder's standing binding to the dependant when they declared
 */
public record DeclaredBy(UUID holderPersonId, UUID bindingId) {}
