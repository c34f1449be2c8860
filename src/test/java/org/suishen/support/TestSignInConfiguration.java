package org.suishen.support;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.shared.security.CitizenPrincipal;
import org.suishen.shared.security.SessionSignIn;

/**
 * Test only: signs a browser in as a registered citizen without the one-time-code flow (which
 * another context owns), so that browser tests can reach the citizen pages. Import it into the test
 * that needs it; it is never part of the application. The controller is a member class, so Spring
 * registers it with this configuration and component scanning leaves it alone. {@link
 * TestSignInController} adds sign-in for staff and for citizens with their account.
 */
@TestConfiguration(proxyBeanMethods = false)
@org.springframework.context.annotation.Import(TestSignInController.class)
public class TestSignInConfiguration {

  public static final String PATH = "/login/test-sign-in";

  /**
   * {@code GET /login/test-sign-in?personId=...&next=/me/...}: signs in and goes to {@code next}.
   */
  @RestController
  static class TestSignInController {

    private final SessionSignIn signIn;

    TestSignInController(SessionSignIn signIn) {
      this.signIn = signIn;
    }

    @GetMapping(PATH)
    void signIn(
        @RequestParam UUID personId,
        @RequestParam(defaultValue = "/") String next,
        HttpServletRequest request,
        HttpServletResponse response)
        throws java.io.IOException {
      signIn.signIn(
          new CitizenPrincipal(UUID.randomUUID(), "13800138000", personId), request, response);
      response.sendRedirect(next.startsWith("/") && !next.startsWith("//") ? next : "/");
    }
  }
}
