package org.suishen.status.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.suishen.status.Colour;
import org.suishen.status.HealthStatus;

/** The texts a person reads beside their colour, from the real bundle, in the city's time. */
class BundleStatusExplanationsTest {

  final BundleStatusExplanations explanations;

  BundleStatusExplanationsTest() {
    var messages = new ResourceBundleMessageSource();
    messages.setBasenames("i18n/status");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    explanations =
        new BundleStatusExplanations(
            messages,
            Clock.fixed(Instant.parse("2026-03-01T02:00:00Z"), ZoneId.of("Asia/Shanghai")));
  }

  static HealthStatus status(
      Colour colour, String rule, String reason, Instant since, Instant until) {
    return new HealthStatus(
        UUID.randomUUID(), colour, rule, reason, "authority-feed", since, false, until);
  }

  @Test
  void aYellowCodeSaysSinceAndUntilWhenInTheCitysTimeAndWhatToDo() {
    var yellow =
        status(
            Colour.YELLOW,
            "key-region-arrival",
            "key-region-arrival.observation",
            Instant.parse("2026-03-01T02:00:00Z"),
            Instant.parse("2026-03-07T16:00:00Z"));
    var zh = explanations.explain(yellow, Locale.SIMPLIFIED_CHINESE);
    assertThat(zh.reason()).isEqualTo("重点地区来沪未满观察期，建议观察");
    assertThat(zh.period()).isEqualTo("自 2026-03-01 10:00 起，预计至 2026-03-08 00:00");
    assertThat(zh.nextStep()).contains("观察期满");
    var en = explanations.explain(yellow, Locale.ENGLISH);
    assertThat(en.period()).isEqualTo("Since 2026-03-01 10:00, expected until 2026-03-08 00:00");
  }

  @Test
  void theNextStepFallsBackFromTheReasonToTheRuleToTheAppeal() {
    var quarantine =
        status(
            Colour.RED,
            "medical-management",
            "medical-management.quarantine",
            Instant.parse("2026-03-01T02:00:00Z"),
            null);
    var zh = explanations.explain(quarantine, Locale.SIMPLIFIED_CHINESE);
    assertThat(zh.nextStep()).contains("医学管理措施");
    assertThat(zh.period()).isEqualTo("自 2026-03-01 10:00 起");
    var other = status(Colour.RED, "some-rule", "some-rule.some-reason", null, null);
    var fallback = explanations.explain(other, Locale.SIMPLIFIED_CHINESE);
    assertThat(fallback.nextStep()).contains("我要申诉");
    assertThat(fallback.period()).isNull();
  }

  @Test
  void aGreenCodeHasItsReasonAndNothingToDo() {
    var green = status(Colour.GREEN, "no-anomaly", "no-anomaly", null, null);
    var zh = explanations.explain(green, Locale.SIMPLIFIED_CHINESE);
    assertThat(zh.reason()).isEqualTo("未见异常");
    assertThat(zh.period()).isNull();
    assertThat(zh.nextStep()).isNull();
  }
}
