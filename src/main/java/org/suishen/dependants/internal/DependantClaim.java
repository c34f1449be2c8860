package org.suishen.dependants.internal;

import org.jspecify.annotations.Nullable;

/** Who the holder says the dependant is: a document and the name as written on it. */
public record DependantClaim(
    @Nullable String documentType, @Nullable String documentNumber, @Nullable String name) {}
