package org.suishen.citizen;

import java.time.Instant;
import java.util.UUID;

/**
 * A citizen account completed real-name registration: it now stands for the registered person
 * (MISSION H1). Carries no personal data.
 */
public record IdentityClaimed(UUID accountId, UUID personId, Instant at) {}
