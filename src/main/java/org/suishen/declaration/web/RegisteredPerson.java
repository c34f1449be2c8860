package org.suishen.declaration.web;

import java.util.UUID;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CitizenPrincipal;

/** Only a citizen who completed real-name registration may declare. */
final class RegisteredPerson {

  private RegisteredPerson() {}

  static UUID of(CitizenPrincipal citizen) {
    UUID personId = citizen.personId();
    if (personId == null) {
      throw SuishenException.forbidden("citizen.registration.required");
    }
    return personId;
  }
}
