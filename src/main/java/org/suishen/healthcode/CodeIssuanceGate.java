package org.suishen.healthcode;

import java.util.UUID;

/**
 * The rule that decides whether a registered person may be shown a health code at all (H1: only
 * after a health-information declaration). The module ships a default that allows everyone; the
 * declaration context provides the real rule (an adapter over {@code
 * HealthCodeEligibility.mayReceiveHealthCode}).
 */
public interface CodeIssuanceGate {

  boolean mayReceiveHealthCode(UUID personId);
}
