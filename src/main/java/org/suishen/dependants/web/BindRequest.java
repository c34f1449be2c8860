package org.suishen.dependants.web;

import org.jspecify.annotations.Nullable;

/**
 * A JSON application to bind a dependant of the same household (no evidence to upload).
 *
 * @param documentType e.g. {@code RESIDENT_ID}, {@code FOREIGN_PASSPORT}
 */
record BindRequest(
    @Nullable String documentType, @Nullable String documentNumber, @Nullable String name) {}
