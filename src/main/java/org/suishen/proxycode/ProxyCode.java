package org.suishen.proxycode;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.suishen.dependants.Relationship;
import org.suishen.healthcode.IssuedCode;
import org.suishen.status.Colour;

/**
 * A dependant's live code as shown on a family member's phone (亲属随申码, R4): the token names the
 * dependant and the holder; the colour is the dependant's current one.
 *
 * @param relationship who the dependant is to the holder, as stated when binding; {@code null} for
 *     bindings applied for before it was asked
 */
public record ProxyCode(
    IssuedCode code,
    Colour colour,
    String maskedName,
    @Nullable Relationship relationship,
    String holderMaskedName,
    boolean redeclareNotice,
    Duration refreshAfter) {}
