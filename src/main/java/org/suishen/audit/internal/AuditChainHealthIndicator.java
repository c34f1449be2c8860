package org.suishen.audit.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code auditChain} in {@code /actuator/health}: DOWN while the newest scheduled verification
 * found the chain broken (where and what in the details, for those allowed to see details), UP
 * while it holds, UNKNOWN before the first verification. Reads the database, so every node answers
 * the same. Not part of the liveness or readiness groups: a broken audit chain is an alarm for the
 * auditors and operators, not a reason to stop serving the city.
 */
@Component
class AuditChainHealthIndicator implements HealthIndicator {

  private final ChainCheckpoints checkpoints;

  AuditChainHealthIndicator(ChainCheckpoints checkpoints) {
    this.checkpoints = checkpoints;
  }

  @Override
  public Health health() {
    return checkpoints
        .latest()
        .map(
            latest -> {
              Health.Builder health = latest.broken() ? Health.down() : Health.up();
              health
                  .withDetail("status", latest.status().name())
                  .withDetail("checkedAt", latest.verifiedAt().toString())
                  .withDetail("verifiedThrough", latest.seq());
              if (latest.broken()) {
                health
                    .withDetail("brokenAt", latest.brokenSeq())
                    .withDetail("problem", String.valueOf(latest.problem()));
              }
              return health.build();
            })
        .orElseGet(() -> Health.unknown().withDetail("status", "NOT_YET_VERIFIED").build());
  }
}
