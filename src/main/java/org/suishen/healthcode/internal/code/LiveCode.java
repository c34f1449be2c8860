package org.suishen.healthcode.internal.code;

import java.time.Duration;
import org.suishen.healthcode.IssuedCode;
import org.suishen.status.Colour;

/** What the code page shows: a fresh token, the current colour and the masked name. */
public record LiveCode(
    IssuedCode code,
    Colour colour,
    String maskedName,
    boolean redeclareNotice,
    Duration refreshAfter) {}
