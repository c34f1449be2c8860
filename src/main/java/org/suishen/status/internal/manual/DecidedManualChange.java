package org.suishen.status.internal.manual;

import org.jspecify.annotations.Nullable;
import org.suishen.status.Colour;

/**
 * An approved or rejected manual change as the authority's history lists it.
 *
 * @param colourBefore the person's colour when it was decided: what an approval changed from, what
 *     a rejection left in place
 * @param maskedName null where the register no longer knows the person
 */
public record DecidedManualChange(
    ManualChange change,
    Colour colourBefore,
    @Nullable String maskedName,
    @Nullable String maskedDocumentNumber) {}
