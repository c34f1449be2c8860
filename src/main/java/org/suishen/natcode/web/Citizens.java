package org.suishen.natcode.web;

import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CitizenPrincipal;
import org.suishen.shared.security.CurrentActor;

/** The logged-in citizen of the current request. */
final class Citizens {

  private Citizens() {}

  static CitizenPrincipal current() {
    return CurrentActor.citizen()
        .orElseThrow(() -> SuishenException.forbidden("natcode.not-registered"));
  }
}
