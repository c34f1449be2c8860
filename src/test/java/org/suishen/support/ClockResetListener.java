package org.suishen.support;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Stands the shared {@link MutableClock} at its start before every test, so that no test sees the
 * time an earlier one moved it to. Registered in {@code META-INF/spring.factories}; does nothing in
 * a context without a movable clock.
 */
public final class ClockResetListener implements TestExecutionListener {

  @Override
  public void beforeTestMethod(TestContext testContext) {
    testContext
        .getApplicationContext()
        .getBeanProvider(MutableClock.class)
        .ifAvailable(MutableClock::reset);
  }
}
