package org.suishen.accounts.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.suishen.shared.problem.ProblemDetailsAdvice;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ends a staff or device session whose account was disabled or whose password changed since it
 * logged in. Spring Security checks the account only at login; a session would otherwise outlive
 * the change. Checked at most once per {@code suishen.accounts.session-recheck-interval} per
 * session (one primary-key lookup); HTTP Basic requests are authenticated afresh anyway and are
 * skipped.
 */
@Component
class SessionRevalidationFilter extends OncePerRequestFilter {

  static final String CHECKED_AT = SessionRevalidationFilter.class.getName() + ".checkedAt";

  private final AccountStore store;
  private final AccountsProperties properties;
  private final ProblemDetailsAdvice problems;
  private final JsonMapper json;
  private final Clock clock;

  SessionRevalidationFilter(
      AccountStore store,
      AccountsProperties properties,
      ProblemDetailsAdvice problems,
      JsonMapper json,
      Clock clock) {
    this.store = store;
    this.properties = properties;
    this.problems = problems;
    this.json = json;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    HttpSession session = request.getSession(false);
    if (session != null
        && authentication != null
        && authentication.getPrincipal() instanceof AccountPrincipal principal
        && !basic(request)
        && due(session)) {
      if (!store.stillValid(principal.accountId(), principal.credentialsVersion())) {
        session.invalidate();
        SecurityContextHolder.clearContext();
        refuse(request, response);
        return;
      }
      session.setAttribute(CHECKED_AT, clock.instant());
    }
    chain.doFilter(request, response);
  }

  private boolean due(HttpSession session) {
    Object checkedAt = session.getAttribute(CHECKED_AT);
    return !(checkedAt instanceof Instant last)
        || !clock.instant().isBefore(last.plus(properties.sessionRecheckInterval()));
  }

  private static boolean basic(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/api/")) {
      var problem =
          problems
              .problem(
                  HttpStatus.UNAUTHORIZED,
                  "accounts.session.ended",
                  new Object[0],
                  RequestContextUtils.getLocale(request))
              .getBody();
      response.setStatus(HttpStatus.UNAUTHORIZED.value());
      response.setContentType("application/problem+json;charset=UTF-8");
      json.writeValue(response.getOutputStream(), problem);
    } else {
      response.sendRedirect(request.getContextPath() + "/staff/login?ended");
    }
  }
}
