package org.suishen.status.internal;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Repository;
import org.suishen.status.HealthStatus;
import org.suishen.status.HealthStatuses;

/**
 * One primary-key read per call (or one {@code = ANY} read per group) on the hot path (scans); only
 * a status that is due (its time ran out, or its facts changed a moment ago) is evaluated from the
 * facts on the spot.
 */
@Repository
class JdbcHealthStatuses implements HealthStatuses {

  private final StatusEngine engine;

  JdbcHealthStatuses(StatusEngine engine) {
    this.engine = engine;
  }

  @Override
  public HealthStatus current(UUID personId) {
    return engine.statusAt(personId, engine.now());
  }

  @Override
  public Map<UUID, HealthStatus> current(Collection<UUID> personIds) {
    return engine.statusesAt(personIds, engine.now());
  }
}
