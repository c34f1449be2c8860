package org.suishen.shared.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The actor behind the current request, for the audit trail. */
public final class CurrentActor {

  private CurrentActor() {}

  public static Actor get() {
    return of(SecurityContextHolder.getContext().getAuthentication())
        .orElse(Actor.system("anonymous"));
  }

  public static Optional<Actor> of(Authentication authentication) {
    if (authentication == null || !authentication.isAuthenticated()) {
      return Optional.empty();
    }
    if (authentication.getPrincipal() instanceof CitizenPrincipal citizen) {
      return Optional.of(Actor.citizen(citizen.accountId().toString()));
    }
    boolean device =
        authentication.getAuthorities().stream()
            .anyMatch(
                a ->
                    java.util.Arrays.stream(Role.values())
                        .anyMatch(
                            r ->
                                r.kind() == Role.Kind.DEVICE
                                    && r.authority().equals(a.getAuthority())));
    return Optional.of(
        device ? Actor.device(authentication.getName()) : Actor.staff(authentication.getName()));
  }

  /** The logged-in citizen, if the current request has one. */
  public static Optional<CitizenPrincipal> citizen() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof CitizenPrincipal c
        ? Optional.of(c)
        : Optional.empty();
  }
}
