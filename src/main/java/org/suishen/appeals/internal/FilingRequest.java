package org.suishen.appeals.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An appeal as the person sent it, unchecked.
 *
 * @param kind {@code WRONG_COLOUR} or {@code WRONG_NAME}
 * @param believedColour for a colour appeal, the colour the person believes correct (optional)
 * @param correctedName for a name appeal, the name as on the person's identity document
 */
public record FilingRequest(
    @Nullable String kind,
    @Nullable String text,
    @Nullable String believedColour,
    @Nullable String correctedName,
    List<EvidenceUpload> files) {}
