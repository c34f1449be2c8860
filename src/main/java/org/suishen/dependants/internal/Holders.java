package org.suishen.dependants.internal;

import java.util.UUID;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;
import org.suishen.shared.security.CitizenPrincipal;

/** The holder behind a citizen's account: the registered person, who binds and lists dependants. */
final class Holders {

  private Holders() {}

  /** The citizen's person id; {@code dependants.holder-unregistered} (403) before registration. */
  static UUID of(CitizenPrincipal citizen) {
    UUID personId = citizen.personId();
    if (personId == null) {
      throw SuishenException.forbidden("dependants.holder-unregistered");
    }
    return personId;
  }

  static Actor actor(CitizenPrincipal citizen) {
    return Actor.citizen(citizen.accountId().toString());
  }
}
