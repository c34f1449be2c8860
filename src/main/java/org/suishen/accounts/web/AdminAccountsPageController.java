package org.suishen.accounts.web;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suishen.accounts.Account;
import org.suishen.accounts.AccountKind;
import org.suishen.accounts.internal.AccountAdministration;
import org.suishen.accounts.internal.AccountsProperties;
import org.suishen.accounts.internal.IssuedSecret;
import org.suishen.accounts.internal.LoginThrottle;
import org.suishen.accounts.internal.NewDevice;
import org.suishen.accounts.internal.NewStaff;
import org.suishen.accounts.internal.PasswordPolicy;
import org.suishen.shared.problem.ErrorMessages;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CurrentActor;
import org.suishen.shared.security.Role;

/**
 * The administrators' account page. Every action posts a form and comes back to the list
 * (post-redirect-get); a generated secret travels in a flash attribute, so it is shown on exactly
 * one page view and is gone on reload.
 */
@Controller
class AdminAccountsPageController {

  private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

  private static final java.util.regex.Pattern BACK =
      java.util.regex.Pattern.compile("/admin/accounts(\\?[A-Za-z0-9=&._%-]*)?");

  private final AccountAdministration accounts;
  private final AccountsProperties properties;
  private final PasswordPolicy passwords;
  private final ErrorMessages messages;
  private final MessageSource texts;
  private final LoginThrottle throttle;
  private final Clock clock;

  AdminAccountsPageController(
      AccountAdministration accounts,
      AccountsProperties properties,
      PasswordPolicy passwords,
      ErrorMessages messages,
      MessageSource texts,
      LoginThrottle throttle,
      Clock clock) {
    this.accounts = accounts;
    this.properties = properties;
    this.passwords = passwords;
    this.messages = messages;
    this.texts = texts;
    this.throttle = throttle;
    this.clock = clock;
  }

  @GetMapping("/admin/accounts")
  String page(
      @RequestParam(required = false) @Nullable String kind,
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable String after,
      Model model) {
    AccountKind filter = kind(kind);
    int size = properties.pageSize();
    List<Account> page = accounts.list(filter, q, after, size + 1);
    String next = null;
    if (page.size() > size) {
      page = page.subList(0, size);
      next = page.getLast().login();
    }
    model.addAttribute("accounts", page);
    Map<String, String> lockedUntil = new HashMap<>();
    throttle
        .locked(page)
        .forEach(
            (id, until) ->
                lockedUntil.put(id.toString(), HOUR_MINUTE.format(until.atZone(clock.getZone()))));
    model.addAttribute("lockedUntil", lockedUntil);
    model.addAttribute("next", next);
    model.addAttribute("kind", filter == null ? "" : filter.name());
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute(
        "staffRoles",
        Arrays.stream(Role.values()).filter(r -> r.kind() == Role.Kind.STAFF).toList());
    model.addAttribute(
        "deviceRoles",
        Arrays.stream(Role.values()).filter(r -> r.kind() == Role.Kind.DEVICE).toList());
    model.addAttribute("minLength", passwords.minLength());
    return "accounts/admin";
  }

  @PostMapping("/admin/accounts/staff")
  String createStaff(
      @RequestParam(required = false) @Nullable String username,
      @RequestParam(required = false) @Nullable String description,
      @RequestParam(required = false) @Nullable String password,
      @RequestParam(required = false) @Nullable List<String> roles,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      Account account =
          accounts.createStaff(
              new NewStaff(username, description, password, roles), CurrentActor.get());
      redirect.addFlashAttribute(
          "notice", notice("accounts.notice.staff-created", args(account), locale));
    } catch (SuishenException e) {
      refused(e, locale, redirect);
      redirect.addFlashAttribute("staffUsername", username);
      redirect.addFlashAttribute("staffDescription", description);
      redirect.addFlashAttribute("staffRolesChosen", roles == null ? List.of() : roles);
    }
    return "redirect:/admin/accounts";
  }

  @PostMapping("/admin/accounts/devices")
  String createDevice(
      @RequestParam(required = false) @Nullable String deviceId,
      @RequestParam(required = false) @Nullable String role,
      @RequestParam(required = false) @Nullable String description,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      IssuedSecret issued =
          accounts.createDevice(NewDevice.of(deviceId, role, description), CurrentActor.get());
      redirect.addFlashAttribute(
          "notice", notice("accounts.notice.device-created", args(issued.account()), locale));
      secret(issued, redirect);
    } catch (SuishenException e) {
      refused(e, locale, redirect);
      redirect.addFlashAttribute("deviceIdValue", deviceId);
      redirect.addFlashAttribute("deviceDescription", description);
    }
    return "redirect:/admin/accounts";
  }

  @PostMapping("/admin/accounts/{id}/disable")
  String disable(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String back,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      Account account = accounts.disable(id, CurrentActor.get());
      redirect.addFlashAttribute(
          "notice", notice("accounts.notice.disabled", args(account), locale));
    } catch (SuishenException e) {
      refused(e, locale, redirect);
    }
    return back(back);
  }

  @PostMapping("/admin/accounts/{id}/enable")
  String enable(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String back,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      Account account = accounts.enable(id, CurrentActor.get());
      redirect.addFlashAttribute(
          "notice", notice("accounts.notice.enabled", args(account), locale));
    } catch (SuishenException e) {
      refused(e, locale, redirect);
    }
    return back(back);
  }

  @PostMapping("/admin/accounts/{id}/password")
  String resetPassword(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String password,
      @RequestParam(required = false) @Nullable String back,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      IssuedSecret issued = accounts.resetPassword(id, password, CurrentActor.get());
      redirect.addFlashAttribute(
          "notice", notice("accounts.notice.password-reset", args(issued.account()), locale));
      secret(issued, redirect);
    } catch (SuishenException e) {
      refused(e, locale, redirect);
    }
    return back(back);
  }

  /** Lifts the lock after too many failed logins on the account's login name. */
  @PostMapping("/admin/accounts/{id}/unlock")
  String unlock(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String back,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      Account account = accounts.find(id);
      throttle.unlock(account, CurrentActor.get());
      redirect.addFlashAttribute(
          "notice", notice("accounts.notice.unlocked", args(account), locale));
    } catch (SuishenException e) {
      refused(e, locale, redirect);
    }
    return back(back);
  }

  private String notice(String key, Object[] args, Locale locale) {
    return texts.getMessage(key, args, locale);
  }

  private void refused(SuishenException e, Locale locale, RedirectAttributes redirect) {
    redirect.addFlashAttribute("errorCode", e.code());
    redirect.addFlashAttribute("errorMessage", messages.message(e.code(), e.arguments(), locale));
  }

  private static void secret(IssuedSecret issued, RedirectAttributes redirect) {
    if (issued.secret() != null) {
      redirect.addFlashAttribute("secretLogin", issued.account().login());
      redirect.addFlashAttribute("secret", issued.secret());
    }
  }

  private static Object[] args(Account account) {
    return new Object[] {account.login()};
  }

  /** Back to the list the administrator was on (only paths of this page are followed). */
  private static String back(@Nullable String back) {
    if (back != null && BACK.matcher(back).matches()) {
      return "redirect:" + back;
    }
    return "redirect:/admin/accounts";
  }

  private static @Nullable AccountKind kind(@Nullable String kind) {
    if (kind == null || kind.isBlank()) {
      return null;
    }
    try {
      return AccountKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
