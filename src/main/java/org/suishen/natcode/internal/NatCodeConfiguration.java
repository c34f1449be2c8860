package org.suishen.natcode.internal;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Binds the properties, and warns at start if a replaced signing key would stop verifying before
 * the NAT codes it signed expire (printed codes must keep working for their whole validity).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NatCodeProperties.class)
class NatCodeConfiguration implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(NatCodeConfiguration.class);

  private final NatCodeProperties properties;
  private final Environment environment;

  NatCodeConfiguration(NatCodeProperties properties, Environment environment) {
    this.properties = properties;
    this.environment = environment;
  }

  @Override
  public void afterPropertiesSet() {
    var binder = Binder.get(environment);
    Duration grace =
        binder
            .bind("suishen.healthcode.keys.grace-period", Duration.class)
            .orElse(Duration.ofDays(1));
    Duration skew =
        binder.bind("suishen.healthcode.clock-skew", Duration.class).orElse(Duration.ZERO);
    if (grace.compareTo(properties.validity().plus(skew)) < 0) {
      log.warn(
          "suishen.healthcode.keys.grace-period ({}) is shorter than the NAT code validity ({})"
              + " plus clock skew: after a key rotation, NAT codes signed by the old key are"
              + " refused as unknown-key before they expire. Set the grace period to at least {}.",
          grace,
          properties.validity(),
          properties.validity().plus(skew));
    }
  }
}
