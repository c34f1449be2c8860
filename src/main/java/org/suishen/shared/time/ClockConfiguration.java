package org.suishen.shared.time;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** All time comes from this clock, so that tests can fix it. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  @Bean
  Clock clock(@Value("${suishen.time-zone:Asia/Shanghai}") String zone) {
    return Clock.system(ZoneId.of(zone));
  }
}
