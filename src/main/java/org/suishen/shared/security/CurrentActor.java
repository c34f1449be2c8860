package org.suishen.shared.security;

import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.suishen.shared.problem.SuishenException;

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

  /** Whether the current request's caller holds the role. */
  public static boolean holds(Role role) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null
        && authentication.isAuthenticated()
        && authentication.getAuthorities().stream()
            .anyMatch(a -> role.authority().equals(a.getAuthority()));
  }

  /** The logged-in citizen, if the current request has one. */
  public static Optional<CitizenPrincipal> citizen() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof CitizenPrincipal c
        ? Optional.of(c)
        : Optional.empty();
  }

  /**
   * The logged-in citizen of the current request, for citizen endpoints ({@code /me/**}, {@code
   * /api/me/**}): the security rules let only citizens reach them, so without one the request is
   * refused as not logged in ({@code auth.required}, 401). Whether the citizen has completed
   * real-name registration is each context's own question.
   */
  public static CitizenPrincipal requireCitizen() {
    return citizen()
        .orElseThrow(() -> new SuishenException("auth.required", HttpStatus.UNAUTHORIZED));
  }
}
