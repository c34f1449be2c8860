package org.suishen.support;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.shared.security.CitizenPrincipal;
import org.suishen.shared.security.Role;
import org.suishen.shared.security.SessionSignIn;

/**
 * Test only (import {@link TestSignInConfiguration}): signs a browser in as a citizen or a staff
 * member without the login flows other contexts build. Under {@code /login/**}, which is public.
 */
@TestComponent
@RestController
public class TestSignInController {

  private final SessionSignIn citizens;

  TestSignInController(SessionSignIn citizens) {
    this.citizens = citizens;
  }

  @GetMapping("/login/test-support/citizen")
  String citizen(
      @RequestParam @Nullable UUID person,
      HttpServletRequest request,
      HttpServletResponse response) {
    citizens.signIn(
        new CitizenPrincipal(UUID.randomUUID(), "13800000000", person), request, response);
    return "signed in";
  }

  @GetMapping("/login/test-support/staff")
  String staff(
      @RequestParam String user,
      @RequestParam Role role,
      HttpServletRequest request,
      HttpServletResponse response) {
    var authorities = List.of(new SimpleGrantedAuthority(role.authority()));
    var authentication =
        UsernamePasswordAuthenticationToken.authenticated(
            new User(user, "", authorities), null, authorities);
    if (request.getSession(false) != null) {
      new ChangeSessionIdAuthenticationStrategy()
          .onAuthentication(authentication, request, response);
    }
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    new HttpSessionSecurityContextRepository().saveContext(context, request, response);
    return "signed in";
  }
}
