package org.suishen.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;
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

  /**
   * This page again in another language: the path and, for a page that was read (GET), its query
   * parameters but {@code lang} kept, so that a filtered history page stays filtered; a form's
   * fields are never copied into a link. Relative to the context path, as {@code @{...}} wants.
   */
  public String inLanguage(String lang) {
    var link = UriComponentsBuilder.fromPath("/");
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
      HttpServletRequest request = servlet.getRequest();
      // an error page names the path that failed, not /error
      Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
      String uri = failed instanceof String s ? s : request.getRequestURI();
      String path = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
      link = UriComponentsBuilder.fromPath(path.isEmpty() ? "/" : path);
      if (failed == null && "GET".equals(request.getMethod())) {
        for (var parameter : request.getParameterMap().entrySet()) {
          if (!"lang".equals(parameter.getKey())) {
            link.queryParam(parameter.getKey(), (Object[]) parameter.getValue());
          }
        }
      }
    }
    return link.queryParam("lang", lang).encode().build().toUriString();
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
