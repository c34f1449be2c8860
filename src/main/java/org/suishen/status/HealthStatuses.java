package org.suishen.status;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Reads a person's current health status. A person the engine knows nothing about is green. */
public interface HealthStatuses {

  HealthStatus current(UUID personId);

  /**
   * The current statuses of several people in one read (the scan path reads a whole group of scans
   * at once); every id asked for has an entry.
   */
  Map<UUID, HealthStatus> current(Collection<UUID> personIds);
}
