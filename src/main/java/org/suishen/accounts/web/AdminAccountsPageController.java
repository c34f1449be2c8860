package org.suishen.accounts.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suishen.accounts.Account;
import org.suishen.accounts.internal.AccountAdministration;
import org.suishen.accounts.internal.AccountPage;
import org.suishen.accounts.internal.AccountSearch;
import org.suishen.accounts.internal.AccountState;
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
 * The administrators' account pages: {@code /admin/accounts}, a searchable table of accounts (the
 * database searches, see {@link AccountSearch}) with the forms to create staff and devices, and
 * {@code /admin/accounts/{id}}, one account with its actions. Every action posts a form and comes
 * back to the account's page (post-redirect-get), which keeps the address of the list it came from
 * ({@code back}); a generated secret travels in a flash attribute, so it is shown on exactly one
 * page view and is gone on reload.
 */
@Controller
class AdminAccountsPageController {

  /** Only addresses of the list are followed back (no open redirect). */
  private static final Pattern BACK = Pattern.compile("/admin/accounts(\\?[A-Za-z0-9=&._%-]*)?");

  private static final String LIST = AccountListFilter.LIST;

  private final AccountAdministration accounts;
  private final PasswordPolicy passwords;
  private final ErrorMessages messages;
  private final MessageSource texts;
  private final LoginThrottle throttle;

  AdminAccountsPageController(
      AccountAdministration accounts,
      PasswordPolicy passwords,
      ErrorMessages messages,
      MessageSource texts,
      LoginThrottle throttle) {
    this.accounts = accounts;
    this.passwords = passwords;
    this.messages = messages;
    this.texts = texts;
    this.throttle = throttle;
  }

  @GetMapping(LIST)
  String list(
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable String kind,
      @RequestParam(required = false) @Nullable String role,
      @RequestParam(required = false) @Nullable String state,
      @RequestParam(required = false) @Nullable String page,
      Model model) {
    var filter = AccountListFilter.of(q, kind, role, state);
    AccountPage shown = accounts.search(filter.search(), AccountListFilter.page(page));
    model.addAttribute("filter", filter);
    model.addAttribute("result", shown);
    model.addAttribute("here", filter.path(shown.page()));
    model.addAttribute("staffRoles", roles(Role.Kind.STAFF));
    model.addAttribute("deviceRoles", roles(Role.Kind.DEVICE));
    model.addAttribute("states", AccountState.values());
    model.addAttribute("minLength", passwords.minLength());
    return "accounts/admin";
  }

  /** One account: its facts and every action on it. Unknown: the not-found page (404). */
  @GetMapping(LIST + "/{id}")
  String account(
      @PathVariable UUID id, @RequestParam(required = false) @Nullable String back, Model model) {
    Account account = accounts.find(id);
    model.addAttribute("account", account);
    model.addAttribute("lockedUntil", throttle.lockedUntil(account).orElse(null));
    model.addAttribute("back", back(back));
    model.addAttribute("minLength", passwords.minLength());
    return "accounts/account";
  }

  /** Created: to the new account's page; refused: back to the list, the form open and filled. */
  @PostMapping(LIST + "/staff")
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
      return "redirect:" + LIST + "/" + account.id();
    } catch (SuishenException e) {
      refused(e, locale, redirect);
      redirect.addFlashAttribute("openForm", "staff");
      redirect.addFlashAttribute("staffUsername", username);
      redirect.addFlashAttribute("staffDescription", description);
      redirect.addFlashAttribute("staffRolesChosen", roles == null ? List.of() : roles);
      return "redirect:" + LIST;
    }
  }

  /** Created: to the new device's page with its secret (once); refused: as for staff. */
  @PostMapping(LIST + "/devices")
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
      return "redirect:" + LIST + "/" + issued.account().id();
    } catch (SuishenException e) {
      refused(e, locale, redirect);
      redirect.addFlashAttribute("openForm", "device");
      redirect.addFlashAttribute("deviceIdValue", deviceId);
      redirect.addFlashAttribute("deviceRoleChosen", role);
      redirect.addFlashAttribute("deviceDescription", description);
      return "redirect:" + LIST;
    }
  }

  @PostMapping(LIST + "/{id}/disable")
  String disable(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String back,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        id,
        back,
        locale,
        redirect,
        () -> {
          Account account = accounts.disable(id, CurrentActor.get());
          redirect.addFlashAttribute(
              "notice", notice("accounts.notice.disabled", args(account), locale));
        });
  }

  @PostMapping(LIST + "/{id}/enable")
  String enable(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String back,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        id,
        back,
        locale,
        redirect,
        () -> {
          Account account = accounts.enable(id, CurrentActor.get());
          redirect.addFlashAttribute(
              "notice", notice("accounts.notice.enabled", args(account), locale));
        });
  }

  @PostMapping(LIST + "/{id}/password")
  String resetPassword(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String password,
      @RequestParam(required = false) @Nullable String back,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        id,
        back,
        locale,
        redirect,
        () -> {
          IssuedSecret issued = accounts.resetPassword(id, password, CurrentActor.get());
          redirect.addFlashAttribute(
              "notice", notice("accounts.notice.password-reset", args(issued.account()), locale));
          secret(issued, redirect);
        });
  }

  /** Lifts the lock after too many failed logins on the account's login name. */
  @PostMapping(LIST + "/{id}/unlock")
  String unlock(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String back,
      Locale locale,
      RedirectAttributes redirect) {
    return act(
        id,
        back,
        locale,
        redirect,
        () -> {
          Account account = accounts.find(id);
          throttle.unlock(account, CurrentActor.get());
          redirect.addFlashAttribute(
              "notice", notice("accounts.notice.unlocked", args(account), locale));
        });
  }

  /**
   * Runs an action on one account and answers the redirect to its page (keeping the list it came
   * from); a refusal is shown there, except for an account that does not exist (any more), which is
   * explained on the list.
   */
  private String act(
      UUID id, @Nullable String back, Locale locale, RedirectAttributes redirect, Runnable action) {
    String list = back(back);
    try {
      action.run();
    } catch (SuishenException e) {
      refused(e, locale, redirect);
      if (e.status() == HttpStatus.NOT_FOUND) {
        return "redirect:" + list;
      }
    }
    if (!list.equals(LIST)) {
      redirect.addAttribute("back", list);
    }
    return "redirect:" + LIST + "/" + id;
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

  /** The list the administrator came from (only addresses of the list are followed). */
  private static String back(@Nullable String back) {
    if (back != null && BACK.matcher(back).matches()) {
      return back;
    }
    return LIST;
  }

  private static List<Role> roles(Role.Kind kind) {
    return Arrays.stream(Role.values()).filter(r -> r.kind() == kind).toList();
  }
}
