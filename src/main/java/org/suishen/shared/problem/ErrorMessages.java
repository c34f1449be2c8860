package org.suishen.shared.problem;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns an error code into its Chinese and English messages. */
@Component
public class ErrorMessages {

  public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
  public static final Locale ENGLISH = Locale.ENGLISH;

  private final MessageSource messages;

  public ErrorMessages(MessageSource messages) {
    this.messages = messages;
  }

  public String message(String code, Object[] arguments, Locale locale) {
    return messages.getMessage("error." + code, arguments, code, locale);
  }

  public String chinese(String code, Object... arguments) {
    return message(code, arguments, CHINESE);
  }

  public String english(String code, Object... arguments) {
    return message(code, arguments, ENGLISH);
  }
}
