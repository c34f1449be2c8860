package org.suishen.healthcode.internal.code;

import java.util.UUID;
import org.springframework.stereotype.Component;
import org.suishen.declaration.HealthCodeEligibility;
import org.suishen.healthcode.CodeIssuanceGate;

/** A person gets a live code only after declaring their health information (H1). */
@Component
class DeclarationGate implements CodeIssuanceGate {

  private final HealthCodeEligibility eligibility;

  DeclarationGate(HealthCodeEligibility eligibility) {
    this.eligibility = eligibility;
  }

  @Override
  public boolean mayReceiveHealthCode(UUID personId) {
    return eligibility.mayReceiveHealthCode(personId);
  }
}
