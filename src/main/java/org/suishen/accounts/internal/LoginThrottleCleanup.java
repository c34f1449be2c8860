package org.suishen.accounts.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes failed-login counts that no window or lock looks at any more, so that {@code
 * login_throttle} stays small. Idempotent: every node may run it.
 */
@Component
class LoginThrottleCleanup {

  private static final Logger log = LoggerFactory.getLogger(LoginThrottleCleanup.class);

  private final LoginThrottle throttle;

  LoginThrottleCleanup(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT7M")
  @SchedulerLock(name = "accounts.loginThrottleCleanup")
  void forgetOldFailures() {
    int deleted = throttle.forgetOld();
    if (deleted > 0) {
      log.info("Forgot {} old failed-login counts", deleted);
    }
  }
}
