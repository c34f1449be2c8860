package org.suishen.citizen.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CitizenPrincipal;

/** The logged-in citizen's own account: status, real-name registration, phone rebinding. */
@RestController
@Tag(name = "Citizen account", description = "Real-name registration and phone rebinding (H1, H8)")
class MeApiController {

  record IdentityRequest(
      @Schema(example = "RESIDENT_ID") @Nullable String documentType,
      @Schema(description = "shown back masked", example = "310104198807120035")
          @Nullable String documentNumber,
      @Schema(description = "shown back masked", example = "刘子轩") @Nullable String name) {}

  record PhoneCodeRequest(@Schema(example = "13812345678") @Nullable String phone) {}

  record PhoneRequest(
      @Schema(description = "shown back masked", example = "13812345678") @Nullable String phone,
      @Schema(example = "482913", accessMode = Schema.AccessMode.WRITE_ONLY)
          @Nullable String code) {}

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
  @Operation(summary = "My account", description = "Everything masked, even to the owner.")
  AccountView me(@AuthenticationPrincipal CitizenPrincipal citizen) {
    return views.of(citizen.accountId());
  }

  /** Real-name registration: claims the identity of a registered person. */
  @PostMapping("/api/me/identity")
  @Operation(
      summary = "Real-name registration",
      description =
          "Claims the identity of a person in the population register; the identity check must"
              + " pass. Audited.")
  @Refusal(status = 400, code = "citizen.identity.document-type")
  @Refusal(status = 400, code = "citizen.identity.document-number-required")
  @Refusal(status = 400, code = "citizen.identity.name-required")
  @Refusal(status = 422, code = "citizen.identity.not-verified")
  @Refusal(status = 409, code = "citizen.identity.already-registered")
  @Refusal(status = 429, code = "citizen.identity.too-many-attempts")
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
  @Operation(
      summary = "Send a code to a new mobile number",
      description = "Phone rebinding, step 1.")
  @Refusal(status = 400, code = "citizen.phone.unchanged")
  @Refusal(status = 409, code = "citizen.phone.taken")
  @Refusal(status = 400, code = "citizen.phone.format")
  @Refusal(status = 429, code = "citizen.otp.too-soon")
  @Refusal(status = 429, code = "citizen.otp.daily-limit")
  @Refusal(status = 429, code = "citizen.otp.ip-limit")
  @Refusal(status = 503, code = "citizen.sms.unavailable")
  CodeSentView sendPhoneCode(
      @AuthenticationPrincipal CitizenPrincipal citizen,
      @RequestBody PhoneCodeRequest body,
      HttpServletRequest request) {
    var sent = rebinding.sendCode(citizen.accountId(), body.phone(), request.getRemoteAddr());
    return CodeSentView.of(sent);
  }

  /** Binds the new mobile number once its code is confirmed. */
  @PostMapping("/api/me/phone")
  @Operation(
      summary = "Bind the new mobile number",
      description =
          "Phone rebinding, step 2: the code sent to the new number. Ends the account's other"
              + " sessions. Audited.")
  @Refusal(status = 409, code = "citizen.phone.taken")
  @Refusal(status = 400, code = "citizen.phone.format")
  @Refusal(status = 400, code = "citizen.otp.format")
  @Refusal(status = 400, code = "citizen.otp.not-requested")
  @Refusal(status = 400, code = "citizen.otp.expired")
  @Refusal(status = 400, code = "citizen.otp.used")
  @Refusal(status = 400, code = "citizen.otp.wrong")
  @Refusal(status = 400, code = "citizen.otp.attempts")
  AccountView rebindPhone(
      @AuthenticationPrincipal CitizenPrincipal citizen,
      @RequestBody PhoneRequest body,
      HttpServletRequest request,
      HttpServletResponse response) {
    var account = rebinding.confirm(citizen.accountId(), body.phone(), body.code());
    signIn.signIn(account, request, response);
    return views.of(account);
  }

  /** The document type as sent (any case), null if absent; refuses an unknown one. */
  static @Nullable DocumentType documentType(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return DocumentType.find(value)
        .orElseThrow(() -> SuishenException.badInput("citizen.identity.document-type"));
  }
}
