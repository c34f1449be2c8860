package org.suishen.citizen.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.suishen.citizen.sms.SmsSender;

/**
 * Which SMS adapter and whether the developer outbox page exist: the page only with the log adapter
 * and the explicit switch {@code suishen.citizen.sms.dev-outbox=true}; no adapter at all refuses.
 */
class SmsConfigurationTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(CitizenProperties.class)
  static class Properties {}

  private final ApplicationContextRunner runner;

  SmsConfigurationTest() throws ClassNotFoundException {
    runner =
        new ApplicationContextRunner()
            .withUserConfiguration(
                Properties.class,
                SmsConfiguration.class,
                Class.forName("org.suishen.citizen.web.DevSmsController"))
            .withBean(Clock.class, Clock::systemUTC);
  }

  private static Class<?> page() throws ClassNotFoundException {
    return Class.forName("org.suishen.citizen.web.DevSmsController");
  }

  @Test
  void theLogAdapterAloneWritesTheLogButServesNoPage() {
    runner
        .withPropertyValues("suishen.citizen.sms.adapter=log")
        .run(
            context -> {
              assertThat(context).hasSingleBean(SmsSender.class);
              assertThat(context.getBean(SmsSender.class)).isInstanceOf(LoggingSmsSender.class);
              assertThat(context).doesNotHaveBean(DevSmsOutbox.class).doesNotHaveBean(page());
            });
  }

  @Test
  void theLogAdapterWithTheSwitchServesThePage() {
    runner
        .withPropertyValues(
            "suishen.citizen.sms.adapter=log", "suishen.citizen.sms.dev-outbox=true")
        .run(
            context -> assertThat(context).hasSingleBean(DevSmsOutbox.class).hasSingleBean(page()));
  }

  @Test
  void theSwitchDoesNothingWithARealGateway() {
    runner
        .withPropertyValues(
            "suishen.citizen.sms.adapter=webhook",
            "suishen.citizen.sms.webhook.url=http://127.0.0.1:9/sms",
            "suishen.citizen.sms.webhook.token=t",
            "suishen.citizen.sms.dev-outbox=true")
        .run(
            context -> {
              assertThat(context.getBean(SmsSender.class)).isInstanceOf(WebhookSmsSender.class);
              assertThat(context).doesNotHaveBean(DevSmsOutbox.class).doesNotHaveBean(page());
            });
  }

  @Test
  void withoutAnAdapterTheStartRefusesNamingTheSetting() {
    runner.run(
        context ->
            assertThat(context)
                .getFailure()
                .rootCause()
                .hasMessageContaining("suishen.citizen.sms.adapter")
                .hasMessageContaining("SUISHEN_SMS_ADAPTER"));
  }
}
