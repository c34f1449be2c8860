package org.suishen.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.suishen.accounts.LoginLocked;
import org.suishen.accounts.internal.AccountAdministration;
import org.suishen.accounts.internal.AccountPrincipal;
import org.suishen.accounts.internal.PasswordPolicy;
import org.suishen.shared.problem.ErrorMessages;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CurrentActor;

/** Staff log in, land on their start page, and change their own password. */
@Controller
class StaffPagesController {

  private final AccountAdministration accounts;
  private final PasswordPolicy passwords;
  private final ErrorMessages messages;
  private final Clock clock;

  StaffPagesController(
      AccountAdministration accounts,
      PasswordPolicy passwords,
      ErrorMessages messages,
      Clock clock) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * The login form; Spring Security processes the POST and redirects to {@code ?error}. A refusal
   * for too many failed attempts (kept in the session by Spring Security) is shown with the time
   * the lock ends, as long as it lasts.
   */
  @GetMapping("/staff/login")
  String login(HttpServletRequest request, Locale locale, Model model) {
    HttpSession session = request.getSession(false);
    if (request.getParameter("error") != null
        && session != null
        && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION)
            instanceof LoginLocked locked
        && locked.until().isAfter(clock.instant())) {
      model.addAttribute("lockedCode", locked.code());
      model.addAttribute(
          "lockedMessage", messages.message(locked.code(), locked.arguments(), locale));
    }
    return "accounts/login";
  }

  /** The start page: the links for the roles the account holds. */
  @GetMapping("/staff")
  String landing(@AuthenticationPrincipal @Nullable Object principal, Model model) {
    if (!(principal instanceof AccountPrincipal account)) {
      return "redirect:/staff/login";
    }
    model.addAttribute("login", account.getUsername());
    model.addAttribute("kind", account.kind().name());
    model.addAttribute("roles", account.roles());
    model.addAttribute("links", StaffMenu.linksFor(account.roles()));
    return "accounts/landing";
  }

  @GetMapping("/staff/password")
  String passwordForm(@AuthenticationPrincipal @Nullable Object principal, Model model) {
    if (!(principal instanceof AccountPrincipal)) {
      return "redirect:/staff/login";
    }
    model.addAttribute("minLength", passwords.minLength());
    return "accounts/password";
  }

  /**
   * Changes the password; the session ends (all sessions of the account do) and they log in anew.
   */
  @PostMapping("/staff/password")
  String changePassword(
      @AuthenticationPrincipal @Nullable Object principal,
      @RequestParam(required = false) @Nullable String currentPassword,
      @RequestParam(required = false) @Nullable String newPassword,
      @RequestParam(required = false) @Nullable String repeatPassword,
      Locale locale,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (!(principal instanceof AccountPrincipal account)) {
      return "redirect:/staff/login";
    }
    try {
      if (newPassword == null || !newPassword.equals(repeatPassword)) {
        throw SuishenException.badInput("accounts.password.mismatch");
      }
      accounts.changeOwnPassword(
          account.accountId(),
          currentPassword,
          newPassword,
          request.getRemoteAddr(),
          CurrentActor.get());
    } catch (LoginLocked e) {
      // too many wrong current passwords (or failed log-ins): as at the log-in, until the lock ends
      model.addAttribute("minLength", passwords.minLength());
      model.addAttribute("errorCode", e.code());
      model.addAttribute("errorMessage", messages.message(e.code(), e.arguments(), locale));
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
      return "accounts/password";
    } catch (SuishenException e) {
      model.addAttribute("minLength", passwords.minLength());
      model.addAttribute("errorCode", e.code());
      model.addAttribute("errorMessage", messages.message(e.code(), e.arguments(), locale));
      response.setStatus(e.status().value());
      return "accounts/password";
    }
    new SecurityContextLogoutHandler()
        .logout(
            request,
            response,
            org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication());
    return "redirect:/staff/login?changed";
  }
}
