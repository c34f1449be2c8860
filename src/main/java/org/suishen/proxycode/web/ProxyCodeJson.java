package org.suishen.proxycode.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.suishen.dependants.Relationship;
import org.suishen.proxycode.ProxyCode;

/**
 * A proxy code as the page receives it: the live code's shape (the page reuses the code page's
 * script), plus the holder and who the dependant is to them.
 */
@Schema(description = "A freshly issued proxy code (亲属随申码) for a bound dependant")
record ProxyCodeJson(
    @Schema(description = "Text for a QR code: SSC: + Base45", example = "SSC:...") String token,
    @Schema(example = "PROXY") String codeType,
    java.time.Instant issuedAt,
    java.time.Instant expiresAt,
    @Schema(description = "Validity from issue, seconds", example = "60") long expiresInSeconds,
    @Schema(description = "Fetch a new code after this many seconds", example = "30")
        long refreshAfterSeconds,
    @Schema(
            description = "The dependant's colour",
            allowableValues = {"GREEN", "YELLOW", "RED"},
            example = "GREEN")
        String colour,
    @Schema(description = "The dependant's masked name", example = "李*宝") String maskedName,
    @Schema(
            description =
                "Who the dependant is to the holder, as stated when binding; null for bindings"
                    + " applied for before it was asked",
            example = "CHILD")
        @Nullable Relationship relationship,
    @Schema(
            description = "The dependant's photo (H3)",
            example = "/api/me/dependants/0b6f1c9e-3f7a-4d2e-9a41-5c2d8e7f1a30/photo")
        String photoUrl,
    @Schema(
            description = "The dependant must declare again (the page offers the form)",
            example = "false")
        boolean redeclareNotice,
    @Schema(description = "The holder's masked name", example = "李*梅") String holderMaskedName,
    @Schema(
            description =
                "Watermark over the code (X1): trace of the holder's reference and time of issue",
            example = "1M7Q-8ZK2-D4XR · 2026-11-21 09:30:05")
        @Nullable String watermark) {

  static ProxyCodeJson of(ProxyCode proxy, String photoUrl) {
    var code = proxy.code();
    return new ProxyCodeJson(
        code.token(),
        code.type().name(),
        code.issuedAt(),
        code.expiresAt(),
        Duration.between(code.issuedAt(), code.expiresAt()).toSeconds(),
        proxy.refreshAfter().toSeconds(),
        proxy.colour().name(),
        proxy.maskedName(),
        proxy.relationship(),
        photoUrl,
        proxy.redeclareNotice(),
        proxy.holderMaskedName(),
        code.watermark());
  }
}
