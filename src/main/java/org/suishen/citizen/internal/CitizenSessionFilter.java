package org.suishen.citizen.internal;

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
import org.springframework.web.servlet.LocaleResolver;
import org.suishen.shared.problem.ProblemDetailsAdvice;
import org.suishen.shared.security.CitizenPrincipal;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ends a citizen's session that was signed in before the account's last credential change (a phone
 * rebinding raises the account's session epoch; the session that made the change carries the new
 * epoch). Checked at most once per {@code suishen.citizen.session.recheck-interval} per session,
 * with one primary-key lookup. Pages go to {@code /login?ended=<reason>}, which explains why; API
 * calls get 401 {@code citizen.session.ended}. A session naming no account is left to the
 * controllers (they answer {@code auth.required}).
 */
@Component
class CitizenSessionFilter extends OncePerRequestFilter {

  static final String CHECKED_AT = CitizenSessionFilter.class.getName() + ".checkedAt";

  private final CitizenAccounts accounts;
  private final CitizenProperties properties;
  private final ProblemDetailsAdvice problems;
  private final LocaleResolver locales;
  private final JsonMapper json;
  private final Clock clock;

  CitizenSessionFilter(
      CitizenAccounts accounts,
      CitizenProperties properties,
      ProblemDetailsAdvice problems,
      LocaleResolver locales,
      JsonMapper json,
      Clock clock) {
    this.accounts = accounts;
    this.properties = properties;
    this.problems = problems;
    this.locales = locales;
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
        && authentication.getPrincipal() instanceof CitizenPrincipal citizen
        && due(session)) {
      var epoch = accounts.sessionEpoch(citizen.accountId());
      if (epoch.isPresent() && !epoch.get().admits(CitizenSessions.epochOf(session))) {
        session.invalidate();
        SecurityContextHolder.clearContext();
        refuse(request, response, epoch.get().reason());
        return;
      }
      session.setAttribute(CHECKED_AT, clock.instant());
    }
    chain.doFilter(request, response);
  }

  private boolean due(HttpSession session) {
    Object checkedAt = session.getAttribute(CHECKED_AT);
    return !(checkedAt instanceof Instant last)
        || !clock.instant().isBefore(last.plus(properties.session().recheckInterval()));
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, SessionEnd reason)
      throws IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/api/")) {
      var problem =
          problems
              .problem(
                  HttpStatus.UNAUTHORIZED,
                  "citizen.session.ended",
                  new Object[0],
                  locales.resolveLocale(request))
              .getBody();
      if (problem != null) {
        problem.setProperty("reason", reason.code());
      }
      response.setStatus(HttpStatus.UNAUTHORIZED.value());
      response.setContentType("application/problem+json;charset=UTF-8");
      json.writeValue(response.getOutputStream(), problem);
    } else {
      response.sendRedirect(request.getContextPath() + "/login?ended=" + reason.code());
    }
  }
}
