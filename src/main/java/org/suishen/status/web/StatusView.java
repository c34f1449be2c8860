package org.suishen.status.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.suishen.shared.problem.ErrorMessages;
import org.suishen.status.HealthStatus;
import org.suishen.status.StatusExplanations;

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
        StatusTexts.@Nullable Bilingual redeclareNoticeText,
    @Schema(description = "Yellow or red: when it is expected to end; null when unknown")
        @Nullable Instant until,
    @Schema(description = "Since and until when, in the city's time, when known")
        StatusTexts.@Nullable Bilingual periodText,
    @Schema(description = "Yellow or red: what to do next, in Chinese and English")
        StatusTexts.@Nullable Bilingual nextStepText) {

  static StatusView of(HealthStatus status, StatusTexts texts, StatusExplanations explanations) {
    var zh = explanations.explain(status, ErrorMessages.CHINESE);
    var en = explanations.explain(status, ErrorMessages.ENGLISH);
    return new StatusView(
        status.colour().name(),
        status.rule(),
        status.reason(),
        texts.reason(status.reason()),
        status.source(),
        status.since(),
        status.redeclareNotice(),
        status.redeclareNotice() ? texts.of("status.redeclare-notice") : null,
        status.until(),
        zh.period() == null ? null : new StatusTexts.Bilingual(zh.period(), en.period()),
        zh.nextStep() == null ? null : new StatusTexts.Bilingual(zh.nextStep(), en.nextStep()));
  }
}
