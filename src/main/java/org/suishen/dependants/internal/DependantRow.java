package org.suishen.dependants.internal;

import org.suishen.dependants.Binding;

/**
 * One line of a holder's list of dependants.
 *
 * @param cameOfAge the binding ended because the dependant came of age, or it will at the next run
 *     of the coming-of-age job (the dependant is of age today and no other ground holds): no proxy
 *     any more
 */
public record DependantRow(Binding binding, PersonSummary dependant, boolean cameOfAge) {}
