package org.suishen.healthcode.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The scan decision. */
@Schema(description = "A scan decision: valid=false is an answer, not an error")
record ScanResponse(
    @Schema(description = "Whether the code is genuine and current", example = "true")
        boolean valid,
    @Schema(
            description = "Stable reason code",
            allowableValues = {
              "ok",
              "expired",
              "bad-signature",
              "unknown-key",
              "revoked",
              "wrong-code-type",
              "malformed",
              "not-yet-valid",
              "unknown-person"
            })
        String reason,
    @Schema(allowableValues = {"LIVE", "PROXY", "NAT", "OFFLINE"}) @Nullable String codeType,
    @Schema(example = "王*明") @Nullable String maskedName,
    @Schema(example = "3101**********1234") @Nullable String maskedDocument,
    @Schema(
            description = "The person's colour read on the server at scan time",
            allowableValues = {"GREEN", "YELLOW", "RED"})
        @Nullable String colour,
    Instant scannedAt,
    @Schema(description = "The reason in Chinese", example = "有效") String messageZh,
    @Schema(description = "The reason in English", example = "Valid") String messageEn,
    @Schema(
            description =
                "\"relative\" when an accepted proxy code (亲属随申码) is presented by a family"
                    + " member; null otherwise",
            allowableValues = {"relative"})
        @Nullable String presentedBy,
    @Schema(description = "The relative's masked name, for an accepted proxy code", example = "李*梅")
        @Nullable String holderMaskedName,
    @Schema(
            description =
                "For an accepted live or proxy code: true when the code on the presenter's screen"
                    + " shows the person's photo (compare the face), false when the photo library has"
                    + " none (check the ID card instead); null when not known",
            example = "true")
        @Nullable Boolean photoOnFile,
    @Schema(
            description = "scannedAt in the city's time, as the scan page shows it",
            example = "2026-04-02 16:30:05")
        String scannedAtText) {}
