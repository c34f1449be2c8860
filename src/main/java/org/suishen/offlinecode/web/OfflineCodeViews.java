package org.suishen.offlinecode.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.suishen.offlinecode.internal.OfflineCode;
import org.suishen.offlinecode.internal.OfflineCredential;

/** The offline code as every channel shows it (the portal and the kiosk answer the same view). */
@Component
class OfflineCodeViews {

  private final Clock clock;

  OfflineCodeViews(Clock clock) {
    this.clock = clock;
  }

  @Schema(name = "OfflineCode", description = "A person's printed offline code as it stands")
  record OfflineCodeView(
      @Schema(
              description =
                  "NONE (never applied), VALID, EXPIRED (re-apply), LOST (reported lost: reissue at"
                      + " a kiosk or re-apply)",
              allowableValues = {"NONE", "VALID", "EXPIRED", "LOST"})
          String state,
      @Schema(allowableValues = {"FIRST", "REISSUE", "REAPPLY"}) @Nullable String operation,
      @Schema(allowableValues = {"KIOSK", "BANK_KIOSK", "PORTAL"}) @Nullable String channel,
      @Schema(example = "2026-04-02T01:00:00Z") @Nullable Instant issuedAt,
      @Schema(example = "2026-09-29T01:00:00Z") @Nullable Instant expiresAt,
      @Schema(example = "王*明") @Nullable String maskedName,
      @Schema(
              description = "The QR's signed token (no personal data); only when just issued",
              example = "SSC:Aw...")
          @Nullable String token,
      @Schema(description = "An earlier print was voided by this operation", example = "false")
          boolean voidedEarlier) {}

  OfflineCodeView view(@Nullable OfflineCredential c) {
    if (c == null) {
      return new OfflineCodeView("NONE", null, null, null, null, null, null, false);
    }
    String state =
        c.voidedAt() != null ? "LOST" : c.expiredAt(clock.instant()) ? "EXPIRED" : "VALID";
    return new OfflineCodeView(
        state,
        c.operation(),
        c.channel().name(),
        c.issuedAt(),
        c.expiresAt(),
        c.maskedName(),
        null,
        false);
  }

  OfflineCodeView issued(OfflineCode code) {
    var c = code.credential();
    return new OfflineCodeView(
        "VALID",
        c.operation(),
        c.channel().name(),
        c.issuedAt(),
        c.expiresAt(),
        c.maskedName(),
        code.token(),
        code.voidedEarlier());
  }

  /** A4 (the default) or CARD; anything else is refused with {@code offlinecode.pdf.size}. */
  static boolean card(@Nullable String size) {
    if (size == null || size.isBlank() || size.strip().equalsIgnoreCase("A4")) {
      return false;
    }
    if (size.strip().equalsIgnoreCase("CARD")) {
      return true;
    }
    throw org.suishen.shared.problem.SuishenException.badInput("offlinecode.pdf.size");
  }

  static org.springframework.http.ResponseEntity<byte[]> pdf(byte[] pdf) {
    return org.springframework.http.ResponseEntity.ok()
        .contentType(org.springframework.http.MediaType.APPLICATION_PDF)
        .header("Content-Disposition", "inline; filename=\"offline-code.pdf\"")
        .header("Cache-Control", "no-store")
        .body(pdf);
  }
}
