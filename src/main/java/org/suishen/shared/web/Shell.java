package org.suishen.shared.web;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.suishen.shared.security.Role;

/**
 * What the header of every page needs to know about who is looking (issue 11: one shell for every
 * page): where "home" is for them and whether they can log out. A bean, not a model attribute, so
 * error pages rendered outside a controller get the same header: templates call {@code
 * ${@shell.home()}}.
 */
@Component("shell")
public class Shell {

  /** Where a person of this kind starts: staff and devices their start page, citizens "my page". */
  public String home() {
    return switch (kind()) {
      case STAFF, DEVICE -> "/staff";
      case CITIZEN -> "/me";
      case null -> "/";
    };
  }

  /** The message key naming {@link #home()}. */
  public String homeKey() {
    return switch (kind()) {
      case STAFF, DEVICE -> "nav.home.staff";
      case CITIZEN -> "nav.home.citizen";
      case null -> "nav.home.public";
    };
  }

  public boolean signedIn() {
    return authentication() != null;
  }

  private Role.@Nullable Kind kind() {
    Authentication authentication = authentication();
    if (authentication == null) {
      return null;
    }
    Role.Kind kind = null;
    for (GrantedAuthority granted : authentication.getAuthorities()) {
      String authority = granted.getAuthority();
      for (Role role : Role.values()) {
        if (role.authority().equals(authority)) {
          // a staff role wins: staff log in through the staff log-in only
          if (role.kind() == Role.Kind.STAFF) {
            return Role.Kind.STAFF;
          }
          kind = role.kind();
        }
      }
    }
    return kind;
  }

  private static @Nullable Authentication authentication() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null
        || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      return null;
    }
    return authentication;
  }
}
