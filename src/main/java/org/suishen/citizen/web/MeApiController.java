package org.suishen.citizen.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.citizen.internal.CitizenSessions;
import org.suishen.citizen.internal.IdentityRegistration;
import org.suishen.citizen.internal.PhoneRebinding;
import org.suishen.identity.DocumentType;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CitizenPrincipal;

/** The logged-in citizen's own account: status, real-name registration, phone rebinding. */
@RestController
class MeApiController {

  record IdentityRequest(
      @Nullable String documentType, @Nullable String documentNumber, @Nullable String name) {}

  record PhoneCodeRequest(@Nullable String phone) {}

  record PhoneRequest(@Nullable String phone, @Nullable String code) {}

  private final AccountViews views;
  private final IdentityRegistration registration;
  private final PhoneRebinding rebinding;
  private final CitizenSessions signIn;

  MeApiController(
      AccountViews views,
      IdentityRegistration registration,
      PhoneRebinding rebinding,
      CitizenSessions signIn) {
    this.views = views;
    this.registration = registration;
    this.rebinding = rebinding;
    this.signIn = signIn;
  }

  @GetMapping("/api/me")
  AccountView me(@AuthenticationPrincipal CitizenPrincipal citizen) {
    return views.of(citizen.accountId());
  }

  /** Real-name registration: claims the identity of a registered person. */
  @PostMapping("/api/me/identity")
  AccountView claimIdentity(
      @AuthenticationPrincipal CitizenPrincipal citizen,
      @RequestBody IdentityRequest body,
      HttpServletRequest request,
      HttpServletResponse response) {
    var account =
        registration.claim(
            citizen.accountId(),
            documentType(body.documentType()),
            body.documentNumber(),
            body.name());
    signIn.signIn(account, request, response);
    return views.of(account);
  }

  /** Sends a code to the new mobile number. */
  @PostMapping("/api/me/phone/otp")
  CodeSentView sendPhoneCode(
      @AuthenticationPrincipal CitizenPrincipal citizen,
      @RequestBody PhoneCodeRequest body,
      HttpServletRequest request) {
    var sent = rebinding.sendCode(citizen.accountId(), body.phone(), request.getRemoteAddr());
    return CodeSentView.of(sent);
  }

  /** Binds the new mobile number once its code is confirmed. */
  @PostMapping("/api/me/phone")
  AccountView rebindPhone(
      @AuthenticationPrincipal CitizenPrincipal citizen,
      @RequestBody PhoneRequest body,
      HttpServletRequest request,
      HttpServletResponse response) {
    var account = rebinding.confirm(citizen.accountId(), body.phone(), body.code());
    signIn.signIn(account, request, response);
    return views.of(account);
  }

  private static @Nullable DocumentType documentType(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return DocumentType.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw SuishenException.badInput("citizen.identity.document-type");
    }
  }
}
