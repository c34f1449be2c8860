package org.suishen.shared.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a citizen into the HTTP session once their one-time code has been checked (there is no
 * password), or refreshes the session after the account changed (e.g. an identity was claimed). The
 * session id is changed on every sign-in against fixation.
 */
@Component
public class SessionSignIn {

  private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();
  private final ChangeSessionIdAuthenticationStrategy fixation =
      new ChangeSessionIdAuthenticationStrategy();

  public void signIn(
      CitizenPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
    var authentication =
        UsernamePasswordAuthenticationToken.authenticated(
            principal, null, List.of(new SimpleGrantedAuthority(Role.CITIZEN.authority())));
    if (request.getSession(false) != null) {
      fixation.onAuthentication(authentication, request, response);
    }
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    repository.saveContext(context, request, response);
  }
}
