package org.suishen.citizen.internal;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.suishen.citizen.sms.SmsSender;

/**
 * Chooses the SMS adapter by {@code suishen.citizen.sms.adapter}: {@code log} or {@code webhook}.
 */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

  static final String ADAPTER = "suishen.citizen.sms.adapter";

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(name = ADAPTER, havingValue = "log", matchIfMissing = true)
  static class Development {

    @Bean
    DevSmsOutbox devSmsOutbox(CitizenProperties properties) {
      return new DevSmsOutbox(properties.sms().outboxSize());
    }

    @Bean
    SmsSender loggingSmsSender(DevSmsOutbox outbox, Clock clock) {
      return new LoggingSmsSender(outbox, clock);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(name = ADAPTER, havingValue = "webhook")
  static class Webhook {

    @Bean
    SmsSender webhookSmsSender(CitizenProperties properties) {
      return new WebhookSmsSender(properties.sms().webhook());
    }
  }
}
