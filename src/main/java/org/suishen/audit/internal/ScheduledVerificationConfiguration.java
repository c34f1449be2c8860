package org.suishen.audit.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Schedules {@link ScheduledVerification} every {@code interval} (after {@code initial-delay}),
 * unless {@code suishen.audit.scheduled-verification.enabled} is false.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledVerificationConfiguration implements SchedulingConfigurer {

  private final ScheduledVerification verification;
  private final ScheduledVerificationProperties properties;

  ScheduledVerificationConfiguration(
      ScheduledVerification verification, ScheduledVerificationProperties properties) {
    this.verification = verification;
    this.properties = properties;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    if (properties.enabled()) {
      registrar.addFixedDelayTask(
          new FixedDelayTask(
              verification::runScheduled, properties.interval(), properties.initialDelay()));
    }
  }
}
