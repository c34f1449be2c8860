package org.suishen.citizen.internal;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.suishen.citizen.sms.SmsSender;
import org.suishen.shared.masking.Masking;

/**
 * DEVELOPMENT ADAPTER ({@code suishen.citizen.sms.adapter=log}, the default): sends nothing. Writes
 * the message, one-time code included, to the log (phone masked) and to the developer outbox page
 * {@code /dev/sms}. Never select it in production: anyone could read the codes.
 */
class LoggingSmsSender implements SmsSender {

  private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);
  private final DevSmsOutbox outbox;
  private final Clock clock;

  LoggingSmsSender(DevSmsOutbox outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
    log.warn(
        "DEVELOPMENT SMS adapter active (suishen.citizen.sms.adapter=log): one-time codes are"
            + " written to this log and to /dev/sms. Not for production.");
  }

  @Override
  public void send(String phone, String text) {
    String masked = Masking.phone(phone);
    log.info("[DEV SMS, not sent] to {}: {}", masked, text);
    outbox.add(new DevSmsOutbox.Message(clock.instant(), masked, text));
  }
}
