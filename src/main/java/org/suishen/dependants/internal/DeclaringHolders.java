package org.suishen.dependants.internal;

import java.util.UUID;
import org.springframework.stereotype.Component;
import org.suishen.declaration.Guardian;
import org.suishen.declaration.Guardians;
import org.suishen.dependants.Dependants;
import org.suishen.identity.Person;
import org.suishen.identity.PopulationRegister;
import org.suishen.shared.problem.SuishenException;

/**
 * A holder with a standing binding declares health for the dependant (H1 for those who cannot:
 * young children, the very old). The declaration context asks here; the binding is checked before
 * the register is read, so a holder learns nothing about people they are not bound to.
 */
@Component
class DeclaringHolders implements Guardians {

  private final Dependants dependants;
  private final PopulationRegister register;

  DeclaringHolders(Dependants dependants, PopulationRegister register) {
    this.dependants = dependants;
    this.register = register;
  }

  @Override
  public Guardian requireGuardian(UUID holderPersonId, UUID dependantPersonId) {
    var binding = dependants.requireBinding(holderPersonId, dependantPersonId);
    String maskedName =
        register
            .find(dependantPersonId)
            .map(Person::maskedName)
            .orElseThrow(() -> SuishenException.forbidden("dependants.not-bound"));
    return new Guardian(
        holderPersonId,
        binding.id(),
        dependantPersonId,
        maskedName,
        binding.relationship() == null ? null : binding.relationship().messageKey());
  }
}
