package org.suishen.support;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.shared.security.CitizenPrincipal;
import org.suishen.shared.security.SessionSignIn;

/**
 * Test only: signs a registered citizen into the browser's session without the one-time code, so
 * that browser tests can start on a citizen page. Import this configuration to get the endpoint
 * {@value #PATH}{@code ?personId=...&next=/me/...}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestCitizenSignIn {

  public static final String PATH = "/login/test-citizen";

  /** {@code GET /login/test-citizen?personId=&phone=&next=}: signs in, then redirects to next. */
  @RestController
  static class Endpoint {

    private final SessionSignIn signIn;

    Endpoint(SessionSignIn signIn) {
      this.signIn = signIn;
    }

    @GetMapping(PATH)
    ResponseEntity<Void> signIn(
        @RequestParam UUID personId,
        @RequestParam(defaultValue = "13800000000") String phone,
        @RequestParam(defaultValue = "/") String next,
        HttpServletRequest request,
        HttpServletResponse response) {
      if (!next.startsWith("/") || next.startsWith("//")) {
        return ResponseEntity.badRequest().build();
      }
      signIn.signIn(new CitizenPrincipal(UUID.randomUUID(), phone, personId), request, response);
      return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(next)).build();
    }
  }
}
