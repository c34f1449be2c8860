package org.suishen.citizen.internal;

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
import org.suishen.shared.security.CitizenPrincipal;
import org.suishen.shared.security.SessionRecheckFilter;
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
class CitizenSessionFilter extends SessionRecheckFilter {

  private final CitizenAccounts accounts;
  private final CitizenProperties properties;

  CitizenSessionFilter(
      CitizenAccounts accounts,
      CitizenProperties properties,
      ProblemDetailsAdvice problems,
      LocaleResolver locales,
      JsonMapper json,
      Clock clock) {
    super(problems, locales, json, clock);
    this.accounts = accounts;
    this.properties = properties;
  }

  @Override
  protected boolean looksAfter(HttpServletRequest request, Authentication authentication) {
    return authentication.getPrincipal() instanceof CitizenPrincipal;
  }

  @Override
  protected @Nullable Ended ended(Authentication authentication, HttpSession session) {
    var citizen = (CitizenPrincipal) authentication.getPrincipal();
    var epoch = accounts.sessionEpoch(citizen.accountId());
    if (epoch.isPresent() && !epoch.get().admits(CitizenSessions.epochOf(session))) {
      SessionEnd reason = epoch.get().reason();
      return new Ended(
          "citizen.session.ended",
          "/login?ended=" + reason.code(),
          Map.of("reason", reason.code()));
    }
    return null;
  }

  @Override
  protected Duration recheckInterval() {
    return properties.session().recheckInterval();
  }
}
