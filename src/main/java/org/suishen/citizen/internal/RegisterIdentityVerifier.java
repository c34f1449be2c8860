package org.suishen.citizen.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.suishen.citizen.IdentityClaim;
import org.suishen.citizen.IdentityVerifier;
import org.suishen.identity.Names;
import org.suishen.identity.Person;

/**
 * DEVELOPMENT identity check ({@code suishen.citizen.identity.verifier=register}, set by the demo
 * and test profiles; there is no default): passes when the document and the name match the
 * population register. It proves knowledge of the data, not presence of the person: a real
 * deployment selects an adapter for the authority's face or ID verification service (see {@link
 * IdentityVerifier}).
 */
@Component
@ConditionalOnProperty(name = UnsetIdentityVerifier.VERIFIER, havingValue = "register")
class RegisterIdentityVerifier implements IdentityVerifier {

  @Override
  public boolean verify(IdentityClaim claim, Person registered) {
    return registered.document().equals(claim.document())
        && Names.same(registered.name(), claim.name());
  }
}
