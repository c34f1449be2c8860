package org.suishen.dependants.web;

import org.springframework.http.HttpStatus;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CitizenPrincipal;
import org.suishen.shared.security.CurrentActor;

/** The citizen behind the current request. */
final class Citizens {

  private Citizens() {}

  static CitizenPrincipal current() {
    return CurrentActor.citizen()
        .orElseThrow(() -> new SuishenException("auth.required", HttpStatus.UNAUTHORIZED));
  }
}
