package org.suishen.shared.jobs;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A city runs several application nodes on one database; a scheduled job that purges, sweeps,
 * texts, verifies or makes partitions runs on one of them at a time. Each such job names its lock
 * with {@code @SchedulerLock}; the lock is a row of {@code shedlock} held until {@code lock_until}
 * in the database's time (no node's clock is trusted), at most {@value #AT_MOST} so that a node
 * that dies mid-job frees it. A call that finds the lock taken does nothing: another node is doing
 * the work. Jobs that keep a node's own memory (the signing keys' reload) are not locked. {@code
 * EveryScheduledJobIsLockedTest} fails for a new {@code @Scheduled} job without a lock.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = JobLocks.AT_MOST)
public class JobLocks {

  static final String AT_MOST = "PT30M";

  @Bean
  LockProvider jobLockProvider(DataSource dataSource) {
    return new JdbcTemplateLockProvider(
        JdbcTemplateLockProvider.Configuration.builder()
            .withJdbcTemplate(new JdbcTemplate(dataSource))
            .usingDbTime()
            .build());
  }
}
