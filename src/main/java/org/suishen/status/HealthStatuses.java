package org.suishen.status;

import java.util.UUID;

/** Reads a person's current health status. A person the engine knows nothing about is green. */
public interface HealthStatuses {

  HealthStatus current(UUID personId);
}
