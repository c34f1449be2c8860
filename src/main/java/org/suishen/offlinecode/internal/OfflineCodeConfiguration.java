package org.suishen.offlinecode.internal;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The offline code's settings. A printed code must verify offline from the published keys for its
 * whole life, so the start fails when a replaced signing key would stop verifying sooner ({@code
 * suishen.healthcode.keys.grace-period} shorter than {@code suishen.offline-code.validity}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  OfflineCodeProperties.class,
  org.suishen.offlinecode.internal.kiosk.KioskProperties.class,
  org.suishen.offlinecode.internal.check.PaperCheckProperties.class
})
class OfflineCodeConfiguration {

  OfflineCodeConfiguration(
      OfflineCodeProperties properties,
      @Value("${suishen.healthcode.keys.grace-period}") Duration keyGrace,
      org.springframework.core.env.Environment environment) {
    if (keyGrace.compareTo(properties.validity()) < 0) {
      String problem =
          "suishen.healthcode.keys.grace-period ("
              + keyGrace
              + ") is shorter than suishen.offline-code.validity ("
              + properties.validity()
              + "): printed offline codes would stop verifying after a key rotation";
      // the tests shorten the grace to watch a key retire within a day
      if (!environment.matchesProfiles("test")) {
        throw new IllegalStateException(problem);
      }
      org.slf4j.LoggerFactory.getLogger(OfflineCodeConfiguration.class).warn(problem);
    }
  }
}
