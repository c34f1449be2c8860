package org.suishen.appeals.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.suishen.appeals.AppealKind;
import org.suishen.status.Colour;

/** A filing that passed {@link FilingPolicy}: everything needed to record the appeal. */
public record Filing(
    AppealKind kind,
    String text,
    @Nullable Colour believedColour,
    @Nullable String correctedName,
    List<Evidence> evidence) {}
