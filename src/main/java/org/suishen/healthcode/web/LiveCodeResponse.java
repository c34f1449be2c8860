package org.suishen.healthcode.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The live code as the code page receives it. */
@Schema(description = "A freshly issued live health code; the page draws the QR code from token.")
record LiveCodeResponse(
    @Schema(
            description = "Text for a QR code in alphanumeric mode: SSC: + Base45",
            example = "SSC:...")
        String token,
    @Schema(example = "LIVE") String codeType,
    @Schema(description = "When the server signed the code", example = "2026-04-02T08:30:00Z")
        Instant issuedAt,
    @Schema(
            description = "When the code stops being valid (plus clockSkewSeconds at a verifier)",
            example = "2026-04-02T08:31:00Z")
        Instant expiresAt,
    @Schema(
            description =
                "Seconds until expiry, counted from receipt (independent of the phone's clock)",
            example = "60")
        long expiresInSeconds,
    @Schema(
            description = "The refresh interval: fetch a new code this many seconds after receipt",
            example = "30")
        long refreshAfterSeconds,
    @Schema(
            description =
                "The clock difference a verifier accepts between its clock and the issuer's, in"
                    + " seconds: a code still verifies that long after expiresAt, so a phone whose"
                    + " clock is off by less need not refresh early",
            example = "30")
        long clockSkewSeconds,
    @Schema(
            description = "The current colour",
            allowableValues = {"GREEN", "YELLOW", "RED"},
            example = "GREEN")
        String colour,
    @Schema(example = "刘*轩") String maskedName,
    @Schema(example = "/api/me/photo") String photoUrl,
    @Schema(description = "Show 'please declare your health information again'", example = "false")
        boolean redeclareNotice,
    @Schema(
            description =
                "Watermark the page lays over the code (X1: screenshots traceable): the trace of"
                    + " the person's code reference and the time of issue; auditors look traces"
                    + " up at GET /api/audit/watermarks/{trace}",
            example = "1M7Q-8ZK2-D4XR · 2026-11-21 09:30:05")
        @Nullable String watermark,
    @Schema(
            description = "Why the code has this colour, in the caller's language",
            example = "重点地区来沪未满观察期，建议观察")
        String reason,
    @Schema(
            description = "Yellow or red: since and until when, in the city's time, when known",
            example = "自 2026-03-01 10:00 起，预计至 2026-03-08 00:00")
        @Nullable String period,
    @Schema(
            description = "Yellow or red: what to do next, in the caller's language",
            example = "请做好自我健康观察，按社区要求完成核酸检测；观察期满且无异常后自动转为绿码。")
        @Nullable String nextStep,
    @Schema(
            description =
                "The latest declaration reports a symptom or a fever: the page tells the person to"
                    + " go to a fever clinic now, whatever the colour",
            example = "false")
        boolean feverClinicAdvice,
    @Schema(
            description =
                "The photo library holds the person's photo; false: the page says so and the"
                    + " checker looks at the ID card (photoUrl then serves a neutral stand-in)",
            example = "true")
        boolean photoOnFile) {}
