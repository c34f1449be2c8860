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
 */
public record ScanDecision(
    ScanReason reason,
    @Nullable CodeType codeType,
    @Nullable String maskedName,
    @Nullable String maskedDocument,
    @Nullable Colour colour,
    Instant scannedAt,
    @Nullable String presentedBy) {

  public ScanDecision(
      ScanReason reason,
      @Nullable CodeType codeType,
      @Nullable String maskedName,
      @Nullable String maskedDocument,
      @Nullable Colour colour,
      Instant scannedAt) {
    this(reason, codeType, maskedName, maskedDocument, colour, scannedAt, null);
  }

  public boolean valid() {
    return reason.accepted();
  }
}
