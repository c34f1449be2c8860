package org.suishen.status.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.suishen.status.HealthStatus;

/**
 * A status as the API shows it, with the reason in both languages and the re-declaration notice
 * text when it applies.
 */
record StatusView(
    String colour,
    String rule,
    String reason,
    @JsonProperty("reason_text") StatusTexts.Bilingual reasonText,
    String source,
    Instant since,
    boolean redeclareNotice,
    @JsonProperty("redeclare_notice_text") StatusTexts.@Nullable Bilingual redeclareNoticeText) {

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
