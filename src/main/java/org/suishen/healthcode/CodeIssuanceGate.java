package org.suishen.healthcode;

import java.util.UUID;

/**
 * The rule that decides whether a registered person may be shown a health code at all (H1: only
 * after a health-information declaration): an adapter over the declaration context's {@code
 * HealthCodeEligibility.mayReceiveHealthCode}. Required by everyone who shows a code: there is no
 * allow-everyone fallback, and without the bean the application does not start (fail closed).
 */
public interface CodeIssuanceGate {

  boolean mayReceiveHealthCode(UUID personId);
}
