package org.suishen.healthcode.internal.code;

import java.time.Duration;
import org.suishen.healthcode.IssuedCode;
import org.suishen.status.Colour;
import org.suishen.status.HealthStatus;

/**
 * What the code page shows: a fresh token, the current status (colour, reason) and the masked name,
 * and how to keep it fresh.
 *
 * @param refreshAfter after how long the page fetches the next code
 * @param clockSkew how far apart the issuing and the verifying clocks may be: a verifier accepts
 *     the code that long after {@code code.expiresAt()} (and before {@code code.issuedAt()})
 * @param feverClinicAdvice the latest declaration reports a symptom or a fever
 * @param photoOnFile the photo library holds the person's photo
 */
public record LiveCode(
    IssuedCode code,
    HealthStatus status,
    String maskedName,
    Duration refreshAfter,
    Duration clockSkew,
    boolean feverClinicAdvice,
    boolean photoOnFile) {

  public Colour colour() {
    return status.colour();
  }

  public boolean redeclareNotice() {
    return status.redeclareNotice();
  }
}
