package org.suishen.healthcode.internal.code;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.suishen.declaration.FeverClinicAdvice;
import org.suishen.declaration.HealthCodeEligibility;
import org.suishen.declaration.HealthDeclarations;
import org.suishen.healthcode.CodeIssuanceGate;

/**
 * A person gets a live code only after declaring their health information (H1); their latest
 * declaration also says whether the code page sends them to a fever clinic.
 */
@Component
class DeclarationGate implements CodeIssuanceGate {

  private final HealthCodeEligibility eligibility;
  private final HealthDeclarations declarations;
  private final FeverClinicAdvice feverClinic;

  DeclarationGate(
      HealthCodeEligibility eligibility,
      HealthDeclarations declarations,
      FeverClinicAdvice feverClinic) {
    this.eligibility = eligibility;
    this.declarations = declarations;
    this.feverClinic = feverClinic;
  }

  @Override
  public boolean mayReceiveHealthCode(UUID personId) {
    return eligibility.mayReceiveHealthCode(personId);
  }

  /** One read: the latest declaration, if any, is both the permission and the advice. */
  @Override
  public Optional<Admission> admit(UUID personId) {
    return declarations.latest(personId).map(d -> new Admission(feverClinic.advises(d)));
  }
}
