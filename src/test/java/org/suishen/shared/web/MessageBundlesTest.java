package org.suishen.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * Every message bundle the application names exists, in Chinese (the default) and English. A
 * missing one is not harmless: Spring's message source tries to load it again, and logs a warning,
 * on every lookup — once per scan on the scan path.
 */
class MessageBundlesTest {

  static List<String> basenames() {
    var yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yaml"));
    String basename = yaml.getObject().getProperty("spring.messages.basename");
    assertThat(basename).isNotBlank();
    return Arrays.stream(basename.split(",")).map(String::trim).toList();
  }

  @Test
  void everyConfiguredBundleExistsInChineseAndEnglish() {
    List<String> basenames = basenames();
    assertThat(basenames).contains("messages", "i18n/healthcode");
    for (String basename : basenames) {
      assertThat(new ClassPathResource(basename + ".properties").exists())
          .as(basename + ".properties")
          .isTrue();
      assertThat(new ClassPathResource(basename + "_en.properties").exists())
          .as(basename + "_en.properties")
          .isTrue();
    }
  }

  /** A key in one language only shows as the key (or the other language) to half the readers. */
  @Test
  void chineseAndEnglishBundlesHaveTheSameKeys() throws java.io.IOException {
    for (String basename : basenames()) {
      var zh = load(basename + ".properties");
      var en = load(basename + "_en.properties");
      var onlyZh = new java.util.TreeSet<>(zh.stringPropertyNames());
      onlyZh.removeAll(en.stringPropertyNames());
      // one-time-code texts are bilingual in one message, always read in Chinese (OneTimeCodes)
      onlyZh.removeIf(key -> key.startsWith("citizen.sms.text."));
      var onlyEn = new java.util.TreeSet<>(en.stringPropertyNames());
      onlyEn.removeAll(zh.stringPropertyNames());
      assertThat(onlyZh).as("keys only in " + basename + ".properties").isEmpty();
      assertThat(onlyEn).as("keys only in " + basename + "_en.properties").isEmpty();
    }
  }

  private static java.util.Properties load(String name) throws java.io.IOException {
    var properties = new java.util.Properties();
    try (var in = new ClassPathResource(name).getInputStream()) {
      properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return properties;
  }
}
