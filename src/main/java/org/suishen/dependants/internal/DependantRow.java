package org.suishen.dependants.internal;

import org.suishen.dependants.Binding;

/** One line of a holder's list of dependants. */
public record DependantRow(Binding binding, PersonSummary dependant) {}
