package org.suishen.proxycode;

import java.time.Duration;
import org.suishen.healthcode.IssuedCode;
import org.suishen.status.Colour;

/**
 * A dependant's live code as shown on a family member's phone (亲属随申码, R4): the token names the
 * dependant and the holder; the colour is the dependant's current one.
 */
public record ProxyCode(
    IssuedCode code,
    Colour colour,
    String maskedName,
    String holderMaskedName,
    boolean redeclareNotice,
    Duration refreshAfter) {}
