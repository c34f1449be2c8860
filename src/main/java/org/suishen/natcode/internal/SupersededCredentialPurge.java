package org.suishen.natcode.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.shared.jobs.ChunkedDelete;
import org.suishen.shared.security.Actor;

/**
 * Every regeneration leaves the earlier NAT credential voided, so the table grows by one row per
 * regeneration for ever. A voided credential is needed while its code could still be shown: until
 * it expires (terminals learn of it from the revocation feed and refuse it; after expiry they
 * refuse it for its date alone). It is deleted {@code suishen.natcode.superseded-kept-for} (7 days)
 * after its expiry, in chunks, hourly, once across nodes; each run that deleted anything is
 * audited. The current credential of each person is never touched.
 */
@Component
public class SupersededCredentialPurge {

  static final String PURGED = "natcode.superseded.purged";
  private static final Logger log = LoggerFactory.getLogger(SupersededCredentialPurge.class);

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;
  private final Duration keptFor;

  SupersededCredentialPurge(
      JdbcClient jdbc,
      AuditTrail audit,
      Clock clock,
      @Value("${suishen.natcode.superseded-kept-for:7d}") Duration keptFor) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.keptFor = keptFor;
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT19M")
  @SchedulerLock(name = "natcode.supersededCredentialPurge")
  void scheduled() {
    purge();
  }

  /** Deletes the voided credentials that expired more than the keeping time ago; how many. */
  public long purge() {
    Timestamp before = Timestamp.from(clock.instant().minus(keptFor));
    long deleted =
        ChunkedDelete.run(
            jdbc,
            "DELETE FROM nat_credential WHERE credential_id IN (SELECT credential_id FROM"
                + " nat_credential WHERE revoked_at IS NOT NULL AND expires_at < ? LIMIT ?)",
            before);
    if (deleted > 0) {
      audit.record(
          AuditEvent.of(
              Actor.system("nat-credential-retention"),
              PURGED,
              null,
              deleted + " voided NAT credentials expired before " + before.toInstant()));
      log.info("Deleted {} voided NAT credentials expired before {}", deleted, before.toInstant());
    }
    return deleted;
  }
}
