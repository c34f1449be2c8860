package org.suishen.citizen;

import org.suishen.identity.Person;

/**
 * The identity check of real-name registration (MISSION H1): is the person behind this account
 * really the registered person whose document they entered?
 *
 * <p>{@code suishen.citizen.identity.verifier} selects the adapter; it has no default, and a start
 * without it refuses. The development adapter ({@code register}, demo and test profiles) only
 * confirms that document and name match the population register. A real deployment plugs in the
 * authority's identity-verification service here (face comparison with the ID photo, liveness
 * check, or the national ID authentication service) as another implementation of this interface,
 * conditional on its own value of that setting.
 */
public interface IdentityVerifier {

  /**
   * @param claim what the citizen entered (document already validated)
   * @param registered the register's entry for that document
   * @return whether the identity check passed
   */
  boolean verify(IdentityClaim claim, Person registered);
}
