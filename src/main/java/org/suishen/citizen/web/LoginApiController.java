package org.suishen.citizen.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.citizen.internal.CitizenLogin;
import org.suishen.citizen.internal.CitizenSessions;
import org.suishen.shared.problem.Refusal;

/** Citizen log-in: a one-time code to a mobile number, then the code. */
@RestController
@Tag(name = "Citizen log-in", description = "Mobile number and one-time code (H1)")
class LoginApiController {

  record CodeRequest(@Schema(example = "13912345678") @Nullable String phone) {}

  record LoginRequest(
      @Schema(example = "13912345678", accessMode = Schema.AccessMode.WRITE_ONLY)
          @Nullable String phone,
      @Schema(example = "482913", accessMode = Schema.AccessMode.WRITE_ONLY)
          @Nullable String code) {}

  record LoggedIn(
      @Schema(description = "whether real-name registration is done", example = "true")
          boolean registered,
      @Schema(
              description =
                  "the page to go to next: the registration form, else the citizen page opened"
                      + " before logging in, else the citizen home",
              example = "/me")
          String next) {}

  private final CitizenLogin login;
  private final CitizenSessions signIn;

  LoginApiController(CitizenLogin login, CitizenSessions signIn) {
    this.login = login;
    this.signIn = signIn;
  }

  /** Sends a log-in code; 429 {@code citizen.otp.too-soon} / {@code daily-limit} when over. */
  @PostMapping("/api/login/otp")
  @Operation(
      summary = "Send a log-in code by SMS",
      description = "The answer shows the number masked, when the code expires and when to resend.")
  @Refusal(status = 400, code = "citizen.phone.format")
  @Refusal(status = 429, code = "citizen.otp.too-soon")
  @Refusal(status = 429, code = "citizen.otp.daily-limit")
  @Refusal(status = 429, code = "citizen.otp.ip-limit")
  @Refusal(status = 503, code = "citizen.sms.unavailable")
  CodeSentView sendCode(@RequestBody CodeRequest body, HttpServletRequest request) {
    var sent = login.sendCode(body.phone(), request.getRemoteAddr());
    return CodeSentView.of(sent);
  }

  /** Checks the code and signs the citizen into the session, creating the account if new. */
  @PostMapping("/api/login")
  @Operation(
      summary = "Log in with the one-time code",
      description =
          "Signs the citizen into the session (cookie), creating the account on first log-in.")
  @Refusal(status = 400, code = "citizen.phone.format")
  @Refusal(status = 400, code = "citizen.otp.format")
  @Refusal(status = 400, code = "citizen.otp.not-requested")
  @Refusal(status = 400, code = "citizen.otp.expired")
  @Refusal(status = 400, code = "citizen.otp.used")
  @Refusal(status = 400, code = "citizen.otp.wrong")
  @Refusal(status = 400, code = "citizen.otp.attempts")
  LoggedIn logIn(
      @RequestBody LoginRequest body, HttpServletRequest request, HttpServletResponse response) {
    var account = login.logIn(body.phone(), body.code());
    String opened = savedCitizenPage(request, response);
    signIn.signIn(account, request, response);
    if (!account.registered()) {
      return new LoggedIn(false, "/me/register");
    }
    return new LoggedIn(true, opened != null ? opened : "/me");
  }

  /**
   * The citizen page ({@code /me/**}) the browser opened before it was sent to log in, if any; any
   * other saved page (a staff page) is not a citizen's to land on. The saved request is used once.
   */
  private static @Nullable String savedCitizenPage(
      HttpServletRequest request, HttpServletResponse response) {
    var cache = new HttpSessionRequestCache();
    SavedRequest saved = cache.getRequest(request, response);
    if (saved == null) {
      return null;
    }
    cache.removeRequest(request, response);
    if (!(saved instanceof DefaultSavedRequest page) || !"GET".equals(page.getMethod())) {
      return null;
    }
    String path = page.getRequestURI().substring(page.getContextPath().length());
    if (!path.equals("/me") && !path.startsWith("/me/")) {
      return null;
    }
    return page.getQueryString() == null ? path : path + "?" + page.getQueryString();
  }
}
