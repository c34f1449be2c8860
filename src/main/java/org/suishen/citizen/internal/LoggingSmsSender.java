package org.suishen.citizen.internal;

import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.suishen.citizen.sms.SmsSender;
import org.suishen.shared.masking.Masking;

/**
 * DEVELOPMENT ADAPTER ({@code suishen.citizen.sms.adapter=log}, set by the demo and test profiles
 * only): sends nothing. Writes the message, one-time code included, to the log (phone masked) and,
 * with {@code suishen.citizen.sms.dev-outbox=true}, to the developer outbox page {@code /dev/sms}.
 * Never select it in production: whoever reads the log or the page could log in as anyone.
 */
class LoggingSmsSender implements SmsSender {

  private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);
  private final @Nullable DevSmsOutbox outbox;
  private final Clock clock;

  LoggingSmsSender(@Nullable DevSmsOutbox outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
    log.warn(
        "DEVELOPMENT SMS adapter active (suishen.citizen.sms.adapter=log): one-time codes are"
            + " written to this log{}. Not for production.",
        outbox == null ? "" : " and to /dev/sms");
  }

  @Override
  public void send(String phone, String text) {
    String masked = Masking.phone(phone);
    log.info("[DEV SMS, not sent] to {}: {}", masked, text);
    if (outbox != null) {
      outbox.add(new DevSmsOutbox.Message(clock.instant(), masked, text));
    }
  }
}
