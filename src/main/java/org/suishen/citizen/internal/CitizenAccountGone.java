package org.suishen.citizen.internal;

import org.springframework.http.HttpStatus;
import org.suishen.shared.problem.SuishenException;

/** The session names an account that no longer exists: the person must log in again. */
class CitizenAccountGone extends SuishenException {

  CitizenAccountGone() {
    super("auth.required", HttpStatus.UNAUTHORIZED);
  }
}
