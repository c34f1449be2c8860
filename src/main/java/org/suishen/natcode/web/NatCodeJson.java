package org.suishen.natcode.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import org.suishen.natcode.internal.NatCode;

/** A NAT code as the API returns it. */
@Schema(description = "A NAT code (核酸码): draw token as a QR code; it stays valid until expiresAt")
record NatCodeJson(
    @Schema(
            description = "Text for a QR code in alphanumeric mode: SSC: + Base45 (static)",
            example = "SSC:...")
        String token,
    @Schema(example = "NAT") String codeType,
    Instant issuedAt,
    Instant expiresAt,
    @Schema(description = "Seconds until expiry, from now", example = "2592000")
        long expiresInSeconds,
    @Schema(description = "Whose code it is, masked", example = "李*宝") String maskedName,
    @Schema(description = "The printable PDF (A4 page)", example = "/api/me/natcode.pdf?size=A4")
        String pdfA4,
    @Schema(
            description = "The printable PDF (wallet card, 85.6 × 54 mm)",
            example = "/api/me/natcode.pdf?size=CARD")
        String pdfCard) {

  static NatCodeJson of(NatCode code, Instant now, String pdfPath) {
    return new NatCodeJson(
        code.token(),
        "NAT",
        code.issuedAt(),
        code.expiresAt(),
        Math.max(0, Duration.between(now, code.expiresAt()).toSeconds()),
        code.maskedName(),
        pdfPath + "?size=A4",
        pdfPath + "?size=CARD");
  }
}
