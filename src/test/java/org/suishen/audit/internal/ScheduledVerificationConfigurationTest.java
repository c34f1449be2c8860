package org.suishen.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** The schedule is wired from the configuration (no waiting for it to fire). */
class ScheduledVerificationConfigurationTest {

  private final ScheduledVerification verification = mock(ScheduledVerification.class);

  private static ScheduledVerificationProperties properties(boolean enabled) {
    return new ScheduledVerificationProperties(
        enabled, Duration.ofMinutes(45), Duration.ofMinutes(3), 1000, 5000);
  }

  @Test
  void enabledItRunsEveryIntervalAfterTheInitialDelay() {
    var registrar = new ScheduledTaskRegistrar();
    new ScheduledVerificationConfiguration(verification, properties(true))
        .configureTasks(registrar);
    assertThat(registrar.getFixedDelayTaskList()).hasSize(1);
    FixedDelayTask task = (FixedDelayTask) registrar.getFixedDelayTaskList().getFirst();
    assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofMinutes(45));
    assertThat(task.getInitialDelayDuration()).isEqualTo(Duration.ofMinutes(3));
    task.getRunnable().run();
    verify(verification).runScheduled();
  }

  @Test
  void switchedOffNothingIsScheduled() {
    var registrar = new ScheduledTaskRegistrar();
    new ScheduledVerificationConfiguration(verification, properties(false))
        .configureTasks(registrar);
    assertThat(registrar.getFixedDelayTaskList()).isEmpty();
    assertThat(registrar.hasTasks()).isFalse();
  }
}
