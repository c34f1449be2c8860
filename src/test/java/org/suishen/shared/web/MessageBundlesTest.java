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
}
