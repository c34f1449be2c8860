package org.suishen.citizen.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.citizen.internal.CitizenLogin;
import org.suishen.citizen.internal.CitizenSessions;

/** Citizen log-in: a one-time code to a mobile number, then the code. */
@RestController
class LoginApiController {

  record CodeRequest(@Nullable String phone) {}

  record LoginRequest(@Nullable String phone, @Nullable String code) {}

  record LoggedIn(boolean registered, String next) {}

  private final CitizenLogin login;
  private final CitizenSessions signIn;

  LoginApiController(CitizenLogin login, CitizenSessions signIn) {
    this.login = login;
    this.signIn = signIn;
  }

  /** Sends a log-in code; 429 {@code citizen.otp.too-soon} / {@code daily-limit} when over. */
  @PostMapping("/api/login/otp")
  CodeSentView sendCode(@RequestBody CodeRequest body, HttpServletRequest request) {
    var sent = login.sendCode(body.phone(), request.getRemoteAddr());
    return CodeSentView.of(sent);
  }

  /** Checks the code and signs the citizen into the session, creating the account if new. */
  @PostMapping("/api/login")
  LoggedIn logIn(
      @RequestBody LoginRequest body, HttpServletRequest request, HttpServletResponse response) {
    var account = login.logIn(body.phone(), body.code());
    signIn.signIn(account, request, response);
    return new LoggedIn(account.registered(), account.registered() ? "/me" : "/me/register");
  }
}
