package org.suishen.healthcode.internal.code;

import java.time.Duration;
import org.suishen.healthcode.IssuedCode;
import org.suishen.status.Colour;
import org.suishen.status.HealthStatus;

/**
 * What the code page shows: a fresh token, the current colour and the masked name, and how to keep
 * it fresh.
 *
 * @param refreshAfter after how long the page fetches the next code
 * @param clockSkew how far apart the issuing and the verifying clocks may be: a verifier accepts
 *     the code that long after {@code code.expiresAt()} (and before {@code code.issuedAt()})
 */
public record LiveCode(
    IssuedCode code,
    Colour colour,
    String maskedName,
    boolean redeclareNotice,
    Duration refreshAfter,
    Duration clockSkew,
    HealthStatus status,
    boolean feverClinicAdvice,
    boolean photoOnFile) {}
