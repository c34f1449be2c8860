package org.suishen.shared.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.scheduling.annotation.Scheduled;

/** A scheduled job that a second node would run again is named with a lock (JobLocks). */
class EveryScheduledJobIsLockedTest {

  @Test
  void everyScheduledMethodHoldsAJobLock() throws Exception {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile("org\\.suishen\\..*")));
    List<String> scheduled = new ArrayList<>();
    List<String> unlocked = new ArrayList<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents("org.suishen")) {
      Class<?> type = Class.forName(candidate.getBeanClassName());
      for (Method method : type.getDeclaredMethods()) {
        if (method.isAnnotationPresent(Scheduled.class)) {
          String name = type.getSimpleName() + "." + method.getName();
          scheduled.add(name);
          if (!method.isAnnotationPresent(SchedulerLock.class)) {
            unlocked.add(name);
          }
        }
      }
    }
    assertThat(scheduled).hasSizeGreaterThanOrEqualTo(13);
    assertThat(unlocked).isEmpty();
  }
}
