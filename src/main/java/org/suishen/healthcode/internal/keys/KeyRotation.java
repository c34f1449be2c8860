package org.suishen.healthcode.internal.keys;

import java.time.Clock;
import java.util.Objects;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.healthcode.internal.HealthCodeProperties;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;

/** Rotation and retirement of signing keys (procedure: docs/healthcode.md). */
@Service
public class KeyRotation {

  private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

  private final SigningKeyStore store;
  private final KeyRingHolder ring;
  private final AuditTrail audit;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final HealthCodeProperties properties;

  KeyRotation(
      SigningKeyStore store,
      KeyRingHolder ring,
      AuditTrail audit,
      TransactionTemplate transaction,
      Clock clock,
      HealthCodeProperties properties) {
    this.store = store;
    this.ring = ring;
    this.audit = audit;
    this.transaction = transaction;
    this.clock = clock;
    this.properties = properties;
  }

  /** Rotates; the new keys and the audit entry commit together, then this node reloads its ring. */
  public SigningKeyStore.Rotation rotate(Actor actor, String reason) {
    var rotation =
        Objects.requireNonNull(
            transaction.execute(
                tx -> {
                  var rotated = store.rotate(clock.instant(), properties.keys().gracePeriod());
                  audit.record(
                      new AuditEvent(
                          actor,
                          "healthcode.key.rotated",
                          null,
                          reason,
                          "activated="
                              + rotated.activated()
                              + " verify-only="
                              + rotated.verifyOnly()));
                  return rotated;
                }));
    ring.reload();
    log.info(
        "Signing key {} now signs; key {} verifies until {}",
        rotation.activated(),
        rotation.verifyOnly(),
        rotation.verifyUntil());
    return rotation;
  }

  /** Retires a VERIFY_ONLY key at once; the active key cannot be retired (rotate first). */
  public void retireNow(int keyId, Actor actor, String reason) {
    var key =
        store.find(keyId).orElseThrow(() -> SuishenException.notFound("healthcode.key.unknown"));
    if (key.status() == org.suishen.healthcode.internal.token.KeyStatus.ACTIVE) {
      throw SuishenException.conflict("healthcode.key.active");
    }
    // the retirement and its audit entry commit together
    boolean retired =
        Boolean.TRUE.equals(
            transaction.execute(
                tx -> {
                  if (!store.retireNow(keyId, clock.instant())) {
                    return false;
                  }
                  audit.record(
                      new AuditEvent(
                          actor, "healthcode.key.retired", null, reason, "key=" + keyId));
                  return true;
                }));
    if (retired) {
      ring.reload();
    }
  }

  /** The scheduled job: retires keys whose grace period has passed. */
  public int retireExpired() {
    int retired = store.retireExpired(clock.instant());
    if (retired > 0) {
      ring.reload();
      log.info("Retired {} signing key(s) after their grace period", retired);
    }
    return retired;
  }

  @SchedulerLock(name = "healthcode.keyRetirement")
  public void retireExpiredQuietly() {
    try {
      retireExpired();
    } catch (RuntimeException e) {
      log.warn("The key retirement job failed; it runs again shortly", e);
    }
  }
}
