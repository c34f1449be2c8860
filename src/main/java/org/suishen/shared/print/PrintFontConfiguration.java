package org.suishen.shared.print;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One set of print fonts for the application: the faces are large and are loaded once. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrintFontProperties.class)
class PrintFontConfiguration {

  @Bean
  PrintFonts printFonts(PrintFontProperties properties) {
    return PrintFonts.of(properties);
  }
}
