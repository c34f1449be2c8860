package org.suishen.status.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.suishen.shared.problem.ErrorMessages;

/** The Chinese and English texts of reason codes, notices and error codes. */
@Component
class StatusTexts {

  /** A text in both languages. */
  record Bilingual(
      @Schema(example = "未见异常") @JsonProperty("zh") String zh,
      @Schema(example = "No anomaly") @JsonProperty("en") String en) {}

  private final MessageSource messages;

  StatusTexts(MessageSource messages) {
    this.messages = messages;
  }

  Bilingual of(String key) {
    return new Bilingual(text(key, ErrorMessages.CHINESE), text(key, ErrorMessages.ENGLISH));
  }

  Bilingual reason(String reasonCode) {
    return of("status.reason." + reasonCode);
  }

  Bilingual error(String code) {
    return of("error." + code);
  }

  String text(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
