package org.suishen.citizen.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.suishen.citizen.internal.CitizenProperties;
import org.suishen.citizen.internal.DevSmsOutbox;
import org.suishen.citizen.internal.SessionEnd;
import org.suishen.identity.DocumentType;
import org.suishen.shared.security.CitizenPrincipal;

/**
 * The citizen's pages: log-in, home ({@code /me}), real-name registration, phone rebinding. Mobile
 * first; the forms talk to the JSON API from {@code /js/citizen-*.js} and show refusals inline.
 */
@Controller
class CitizenPagesController {

  private final AccountViews views;
  private final CitizenHome home;
  private final boolean devSms;
  private final long resendSeconds;
  private final long validityMinutes;

  CitizenPagesController(
      AccountViews views,
      CitizenHome home,
      ObjectProvider<DevSmsOutbox> outbox,
      CitizenProperties properties) {
    this.views = views;
    this.home = home;
    this.devSms = outbox.getIfAvailable() != null;
    this.resendSeconds = properties.otp().resendInterval().toSeconds();
    this.validityMinutes = Math.max(1, properties.otp().validity().toMinutes());
  }

  @GetMapping("/login")
  String login(
      @AuthenticationPrincipal @Nullable Object principal,
      @RequestParam(required = false) @Nullable String ended,
      Model model) {
    if (principal instanceof CitizenPrincipal) {
      return "redirect:/me";
    }
    // a session ended by a credential change (CitizenSessionFilter) says why; unknown values:
    // nothing
    Arrays.stream(SessionEnd.values())
        .filter(reason -> reason.code().equals(ended))
        .findFirst()
        .ifPresent(reason -> model.addAttribute("ended", reason.code()));
    model.addAttribute("devSms", devSms);
    model.addAttribute("resendSeconds", resendSeconds);
    model.addAttribute("validityMinutes", validityMinutes);
    return "citizen/login";
  }

  @GetMapping("/me")
  String home(@AuthenticationPrincipal CitizenPrincipal citizen, Locale locale, Model model) {
    CitizenHome.View home = this.home.of(citizen.accountId(), locale);
    model.addAttribute("account", home.account());
    model.addAttribute("home", home);
    return "citizen/me";
  }

  @GetMapping("/me/register")
  String register(@AuthenticationPrincipal CitizenPrincipal citizen, Model model) {
    model.addAttribute("account", views.of(citizen.accountId()));
    model.addAttribute("documentTypes", List.of(DocumentType.values()));
    return "citizen/register";
  }

  @GetMapping("/me/phone")
  String phone(@AuthenticationPrincipal CitizenPrincipal citizen, Model model) {
    model.addAttribute("account", views.of(citizen.accountId()));
    model.addAttribute("devSms", devSms);
    model.addAttribute("resendSeconds", resendSeconds);
    model.addAttribute("validityMinutes", validityMinutes);
    return "citizen/phone";
  }
}
