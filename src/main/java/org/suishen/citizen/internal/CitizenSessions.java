package org.suishen.citizen.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Component;
import org.suishen.shared.security.SessionSignIn;

/**
 * Signs a citizen into the HTTP session and records the account's session epoch there, so that
 * {@link CitizenSessionFilter} can end the session after a later credential change.
 */
@Component
public class CitizenSessions {

  /** Session attribute: the account's session epoch at sign-in (absent: 0, the initial epoch). */
  static final String EPOCH = CitizenSessions.class.getName() + ".epoch";

  private final SessionSignIn signIn;

  CitizenSessions(SessionSignIn signIn) {
    this.signIn = signIn;
  }

  /** Signs in (or refreshes) the session for the account, under its current epoch. */
  public void signIn(
      CitizenAccount account, HttpServletRequest request, HttpServletResponse response) {
    signIn.signIn(account.principal(), request, response);
    request.getSession().setAttribute(EPOCH, account.sessionEpoch());
  }

  static int epochOf(HttpSession session) {
    return session.getAttribute(EPOCH) instanceof Integer epoch ? epoch : 0;
  }
}
