package org.suishen.citizen.internal;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.suishen.citizen.sms.SmsSender;

/**
 * Chooses the SMS adapter by {@code suishen.citizen.sms.adapter}: {@code webhook} (a real gateway)
 * or {@code log} (development). There is no default: a start without the setting refuses, so that a
 * production start that forgets it never falls back to an adapter that shows the codes. The
 * developer outbox page {@code /dev/sms} exists only with {@code log} and {@code
 * suishen.citizen.sms.dev-outbox=true} (both set by the demo and test profiles).
 */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

  static final String ADAPTER = "suishen.citizen.sms.adapter";
  static final String DEV_OUTBOX = "suishen.citizen.sms.dev-outbox";

  @Bean
  SmsSender smsSender(
      CitizenProperties properties, ObjectProvider<DevSmsOutbox> outbox, Clock clock) {
    var sms = properties.sms();
    if (sms.adapter() == null) {
      throw new IllegalStateException(
          "No SMS adapter: set "
              + ADAPTER
              + " (environment SUISHEN_SMS_ADAPTER) to webhook, with"
              + " suishen.citizen.sms.webhook.url and .token; log (codes in the log) is for"
              + " development only (the demo and test profiles set it)");
    }
    return switch (sms.adapter()) {
      case LOG -> new LoggingSmsSender(outbox.getIfAvailable(), clock);
      case WEBHOOK -> {
        if (sms.webhook().token().isBlank()) {
          throw new IllegalStateException(
              "No SMS gateway token: set suishen.citizen.sms.webhook.token (environment"
                  + " SUISHEN_SMS_WEBHOOK_TOKEN) when "
                  + ADAPTER
                  + "=webhook");
        }
        yield new WebhookSmsSender(sms.webhook());
      }
    };
  }

  /** DEVELOPMENT ONLY: the messages of the log adapter, for the page {@code /dev/sms}. */
  @Bean
  @ConditionalOnProperty(name = ADAPTER, havingValue = "log")
  @ConditionalOnBooleanProperty(DEV_OUTBOX)
  DevSmsOutbox devSmsOutbox(CitizenProperties properties) {
    return new DevSmsOutbox(properties.sms().outboxSize());
  }
}
