package org.suishen.status.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.suishen.status.HealthStatus;

/**
 * A status as the API shows it, with the reason in both languages and the re-declaration notice
 * text when it applies.
 */
@Schema(description = "A person's current health status")
record StatusView(
    @Schema(
            example = "GREEN",
            allowableValues = {"GREEN", "YELLOW", "RED"})
        String colour,
    @Schema(description = "The rule that decided", example = "no-anomaly") String rule,
    @Schema(description = "Stable reason code", example = "no-anomaly") String reason,
    @Schema(description = "The reason in Chinese and English") StatusTexts.Bilingual reasonText,
    @Schema(description = "Where the deciding data came from", example = "status-engine")
        String source,
    @Schema(
            description =
                "When the status took effect; null when no start is known (green since ever)",
            example = "2026-04-02T08:30:00Z")
        @Nullable Instant since,
    @Schema(description = "Show 'please declare your health information again'", example = "false")
        boolean redeclareNotice,
    @Schema(description = "The re-declaration notice in Chinese and English, when it applies")
        StatusTexts.@Nullable Bilingual redeclareNoticeText) {

  static StatusView of(HealthStatus status, StatusTexts texts) {
    return new StatusView(
        status.colour().name(),
        status.rule(),
        status.reason(),
        texts.reason(status.reason()),
        status.source(),
        status.since(),
        status.redeclareNotice(),
        status.redeclareNotice() ? texts.of("status.redeclare-notice") : null);
  }
}
