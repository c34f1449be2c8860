package org.suishen.citizen.internal;

import org.springframework.stereotype.Component;
import org.suishen.citizen.CarrierRealNames;
import org.suishen.citizen.IdentityClaim;
import org.suishen.citizen.IdentityVerifier;
import org.suishen.identity.Names;
import org.suishen.identity.Person;

/**
 * The identity check of real-name registration and recovery, as a chain: the register's entry must
 * match what was entered; the ID card's chip, where the channel read one, must be that person's;
 * the carrier must not report the phone as someone else's; and the deployment's {@link
 * IdentityVerifier} must pass. The first step that fails names itself (for the audit trail and the
 * log, never for the caller, who sees one uniform refusal).
 */
@Component
class IdentityCheckChain {

  /** Which step refused, or {@link #PASSED}. */
  enum Outcome {
    PASSED,
    NOT_IN_REGISTER,
    NAME_MISMATCH,
    CARD_MISMATCH,
    CARRIER_MISMATCH,
    VERIFIER_REFUSED
  }

  private final CarrierRealNames carrier;
  private final IdentityVerifier verifier;

  IdentityCheckChain(CarrierRealNames carrier, IdentityVerifier verifier) {
    this.carrier = carrier;
    this.verifier = verifier;
  }

  Outcome check(IdentityClaim claim, @org.jspecify.annotations.Nullable Person registered) {
    if (registered == null || !registered.document().equals(claim.document())) {
      return Outcome.NOT_IN_REGISTER;
    }
    if (!Names.same(registered.name(), claim.name())) {
      return Outcome.NAME_MISMATCH;
    }
    var card = claim.cardRead();
    if (card != null
        && !(card.document().equals(registered.document())
            && Names.same(card.name(), registered.name()))) {
      return Outcome.CARD_MISMATCH;
    }
    if (carrier.ask(claim.phone(), claim.document(), claim.name())
        == CarrierRealNames.Answer.MISMATCH) {
      return Outcome.CARRIER_MISMATCH;
    }
    if (!verifier.verify(claim, registered)) {
      return Outcome.VERIFIER_REFUSED;
    }
    return Outcome.PASSED;
  }
}
