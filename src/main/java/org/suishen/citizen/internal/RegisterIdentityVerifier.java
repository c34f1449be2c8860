package org.suishen.citizen.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.suishen.citizen.IdentityClaim;
import org.suishen.citizen.IdentityVerifier;
import org.suishen.identity.Person;

/**
 * Default identity check ({@code suishen.citizen.identity.verifier=register}): passes when the
 * document and the name match the population register. It proves knowledge of the data, not
 * presence of the person: a real deployment replaces it by an adapter for the authority's face or
 * ID verification service (see {@link IdentityVerifier}).
 */
@Component
@ConditionalOnProperty(
    name = "suishen.citizen.identity.verifier",
    havingValue = "register",
    matchIfMissing = true)
class RegisterIdentityVerifier implements IdentityVerifier {

  @Override
  public boolean verify(IdentityClaim claim, Person registered) {
    return registered.document().equals(claim.document())
        && NameMatch.same(registered.name(), claim.name());
  }
}
