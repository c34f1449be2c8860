package org.suishen.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.suishen.shared.problem.ProblemDetailsAdvice;
import org.suishen.shared.security.SessionRecheckFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ends a staff or device session whose account was disabled or whose password changed since it
 * logged in. Spring Security checks the account only at login; a session would otherwise outlive
 * the change. Checked at most once per {@code suishen.accounts.session-recheck-interval} per
 * session (one primary-key lookup); HTTP Basic requests are authenticated afresh anyway and are
 * skipped.
 */
@Component
class SessionRevalidationFilter extends SessionRecheckFilter {

  private final AccountStore store;
  private final AccountsProperties properties;

  SessionRevalidationFilter(
      AccountStore store,
      AccountsProperties properties,
      ProblemDetailsAdvice problems,
      LocaleResolver locales,
      JsonMapper json,
      Clock clock) {
    super(problems, locales, json, clock);
    this.store = store;
    this.properties = properties;
  }

  @Override
  protected boolean looksAfter(HttpServletRequest request, Authentication authentication) {
    return authentication.getPrincipal() instanceof AccountPrincipal && !basic(request);
  }

  @Override
  protected @Nullable Ended ended(Authentication authentication, HttpSession session) {
    var principal = (AccountPrincipal) authentication.getPrincipal();
    return store.stillValid(principal.accountId(), principal.credentialsVersion())
        ? null
        : new Ended("accounts.session.ended", "/staff/login?ended", Map.of());
  }

  @Override
  protected Duration recheckInterval() {
    return properties.sessionRecheckInterval();
  }

  private static boolean basic(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
  }
}
