package org.suishen.sampling.internal;

import org.jspecify.annotations.Nullable;

/**
 * One line of a lab's upload as it came (checked by {@link LabResults}).
 *
 * @param line the line in the file, or the position in a JSON batch (from 1)
 */
public record ResultRow(int line, @Nullable String tubeBarcode, @Nullable String result) {}
