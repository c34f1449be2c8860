package org.suishen.shared.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.suishen.shared.problem.ProblemDetailsAdvice;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ends a signed-in session that a later change has made invalid (an account disabled, a password or
 * phone number changed): Spring Security checks credentials only at sign-in, so a session would
 * otherwise outlive the change. A subclass says which sessions it looks after and whether one has
 * ended (one cheap read); that is asked at most once per recheck interval per session. An ended
 * session is invalidated; pages go to the subclass's login page, which says why, API calls get 401
 * problem+json with the subclass's code.
 */
public abstract class SessionRecheckFilter extends OncePerRequestFilter {

  /**
   * When this node last found each session valid, by session id: kept on the node, not in the
   * session, which lives in PostgreSQL and would otherwise be written at every recheck (a durable
   * write behind most requests). Another node rechecks on its own first request; bounded, and an
   * entry goes after an hour without a check.
   */
  private final Cache<String, Instant> checkedAt =
      Caffeine.newBuilder().maximumSize(300_000).expireAfterWrite(Duration.ofHours(1)).build();

  private final ProblemDetailsAdvice problems;
  private final LocaleResolver locales;
  private final JsonMapper json;
  private final Clock clock;

  protected SessionRecheckFilter(
      ProblemDetailsAdvice problems, LocaleResolver locales, JsonMapper json, Clock clock) {
    this.problems = problems;
    this.locales = locales;
    this.json = json;
    this.clock = clock;
  }

  /** Whether this filter looks after the session of this request's authentication. */
  protected abstract boolean looksAfter(HttpServletRequest request, Authentication authentication);

  /** How the session has ended, or null while it may go on. */
  protected abstract @Nullable Ended ended(Authentication authentication, HttpSession session);

  /** How long a positive check holds for a session. */
  protected abstract Duration recheckInterval();

  /**
   * How a session ended, as the person is told.
   *
   * @param problemCode the stable code of the API's 401 answer
   * @param loginPage where a page request goes instead (a path under the context path, with the
   *     parameter the login page explains)
   * @param details extra members of the problem (e.g. the reason)
   */
  public record Ended(String problemCode, String loginPage, Map<String, Object> details) {}

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    HttpSession session = request.getSession(false);
    if (session != null
        && authentication != null
        && looksAfter(request, authentication)
        && due(session)) {
      Ended ended = ended(authentication, session);
      if (ended != null) {
        session.invalidate();
        SecurityContextHolder.clearContext();
        refuse(request, response, ended);
        return;
      }
      checkedAt.put(session.getId(), clock.instant());
    }
    chain.doFilter(request, response);
  }

  private boolean due(HttpSession session) {
    Instant at = checkedAt.getIfPresent(session.getId());
    return at == null || !clock.instant().isBefore(at.plus(recheckInterval()));
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, Ended ended)
      throws IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/api/")) {
      var problem =
          problems
              .problem(
                  HttpStatus.UNAUTHORIZED,
                  ended.problemCode(),
                  new Object[0],
                  locales.resolveLocale(request))
              .getBody();
      if (problem != null) {
        ended.details().forEach(problem::setProperty);
      }
      response.setStatus(HttpStatus.UNAUTHORIZED.value());
      response.setContentType("application/problem+json;charset=UTF-8");
      json.writeValue(response.getOutputStream(), problem);
    } else {
      response.sendRedirect(request.getContextPath() + ended.loginPage());
    }
  }
}
