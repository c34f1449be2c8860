package org.suishen.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Pages show words for actors, rules, reasons and sources, in the reader's language. */
class LabelsTest {

  final Labels labels;

  LabelsTest() {
    var messages = new ResourceBundleMessageSource();
    messages.setBasenames("messages", "i18n/status");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    labels = new Labels(messages);
  }

  @AfterEach
  void resetLocale() {
    LocaleContextHolder.resetLocaleContext();
  }

  @Test
  void actorsReadAsWhoTheyAreAndACitizenNeverByAccountId() {
    LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
    assertThat(labels.actor("staff:wang.li")).isEqualTo("工作人员 wang.li");
    assertThat(labels.actor("system:status-engine")).isEqualTo("系统 status-engine");
    assertThat(labels.actor("citizen:8f92abd2-210e-4cc2-a49c-992f5766424e")).isEqualTo("市民本人");
    assertThat(labels.actor(null)).isEmpty();
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(labels.actor("device:gate-7")).isEqualTo("Device gate-7");
  }

  @Test
  void rulesReasonsAndSourcesReadAsWordsAndAnUnknownKeyAsItself() {
    LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
    assertThat(labels.rule("key-region-arrival")).isEqualTo("重点地区来沪");
    assertThat(labels.reason("no-anomaly")).isEqualTo("未见异常");
    assertThat(labels.source("authority-feed")).isEqualTo("卫生健康部门数据推送");
    assertThat(labels.rule("a-rule-of-tomorrow")).isEqualTo("a-rule-of-tomorrow");
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(labels.source("status-engine")).isEqualTo("Health code rules");
  }
}
