package org.suishen.identity;

import org.jspecify.annotations.Nullable;

/**
 * A row of a register file that was not imported.
 *
 * @param line the line number in the file (the header is line 1)
 * @param reason the stable error code, e.g. {@code identity.document.check-digit}
 * @param detail the column concerned, or for a duplicate the line of the first occurrence
 * @param document the masked document number, if the row had one
 */
public record RegisterRejection(
    long line, String reason, @Nullable String detail, @Nullable String document) {}
