package org.suishen.datatracker.web;

import java.util.UUID;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CurrentActor;

/** The tracker is of a person: the citizen must have claimed their identity first. */
final class RegisteredCitizen {

  private RegisteredCitizen() {}

  static UUID person() {
    UUID personId = CurrentActor.requireCitizen().personId();
    if (personId == null) {
      throw SuishenException.forbidden("citizen.registration.required");
    }
    return personId;
  }
}
