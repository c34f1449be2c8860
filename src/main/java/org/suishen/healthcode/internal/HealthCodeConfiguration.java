package org.suishen.healthcode.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.suishen.healthcode.internal.keys.KeyRingHolder;
import org.suishen.healthcode.internal.keys.KeyRotation;

/** Binds the properties and schedules the key reload and retirement jobs. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HealthCodeProperties.class)
@EnableScheduling
class HealthCodeConfiguration implements SchedulingConfigurer {

  private final HealthCodeProperties properties;
  private final KeyRingHolder keys;
  private final KeyRotation rotation;

  HealthCodeConfiguration(
      HealthCodeProperties properties, KeyRingHolder keys, KeyRotation rotation) {
    this.properties = properties;
    this.keys = keys;
    this.rotation = rotation;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(keys::reloadQuietly, properties.keys().reloadInterval());
    registrar.addFixedDelayTask(
        rotation::retireExpiredQuietly, properties.keys().retireCheckInterval());
  }
}
