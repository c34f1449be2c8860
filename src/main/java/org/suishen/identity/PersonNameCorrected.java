package org.suishen.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A person's registered name was corrected (the event carries no name: read it from the register).
 */
public record PersonNameCorrected(UUID personId, Instant at) {}
