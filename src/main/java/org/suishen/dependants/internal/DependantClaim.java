package org.suishen.dependants.internal;

import org.jspecify.annotations.Nullable;

/**
 * Who the holder says the dependant is: a document and the name as written on it, and who the
 * dependant is to the holder (a {@link org.suishen.dependants.Relationship} by name).
 */
public record DependantClaim(
    @Nullable String documentType,
    @Nullable String documentNumber,
    @Nullable String name,
    @Nullable String relationship) {}
