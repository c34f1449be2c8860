package org.suishen.healthcode.internal.scan;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.suishen.healthcode.CodeType;
import org.suishen.healthcode.ScanReason;
import org.suishen.status.Colour;

/**
 * What the scanner is told: the verdict and, for an accepted code, the masked identity and the
 * colour read at scan time (none for codes that show no status, e.g. NAT).
 *
 * @param presentedBy for an accepted proxy code, the masked name of the relative who holds it
 * @param photoOnFile for an accepted code, whether the code on the presenter's screen shows the
 *     person's photo (else staff check the ID card); {@code null} when not known
 */
public record ScanDecision(
    ScanReason reason,
    @Nullable CodeType codeType,
    @Nullable String maskedName,
    @Nullable String maskedDocument,
    @Nullable Colour colour,
    Instant scannedAt,
    @Nullable String presentedBy,
    @Nullable Boolean photoOnFile) {

  public ScanDecision(
      ScanReason reason,
      @Nullable CodeType codeType,
      @Nullable String maskedName,
      @Nullable String maskedDocument,
      @Nullable Colour colour,
      Instant scannedAt) {
    this(reason, codeType, maskedName, maskedDocument, colour, scannedAt, null, null);
  }

  public boolean valid() {
    return reason.accepted();
  }
}
