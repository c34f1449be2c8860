package org.suishen.accounts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.accounts.Account;
import org.suishen.accounts.AccountKind;
import org.suishen.accounts.internal.AccountAdministration;
import org.suishen.accounts.internal.AccountsProperties;
import org.suishen.accounts.internal.IssuedSecret;
import org.suishen.accounts.internal.LoginThrottle;
import org.suishen.accounts.internal.NewDevice;
import org.suishen.accounts.internal.NewStaff;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CurrentActor;

/** Account administration for ADMINISTRATOR (see SecurityConfiguration: /api/admin/**). */
@RestController
@RequestMapping("/api/admin/accounts")
@Tag(name = "Accounts", description = "Staff and device accounts, for administrators")
class AdminAccountsApiController {

  private final AccountAdministration accounts;
  private final AccountsProperties properties;
  private final LoginThrottle throttle;

  AdminAccountsApiController(
      AccountAdministration accounts, AccountsProperties properties, LoginThrottle throttle) {
    this.accounts = accounts;
    this.properties = properties;
    this.throttle = throttle;
  }

  /**
   * Accounts in login order, a page at a time.
   *
   * @param kind STAFF or DEVICE (default both)
   * @param q only logins starting with this
   * @param after the {@code next} of the previous page
   */
  @GetMapping
  @Operation(
      summary = "List staff and device accounts",
      description = "In login order, a page at a time: pass the answer's next as after.")
  @Refusal(status = 400, code = "accounts.list.limit-invalid")
  @Refusal(status = 400, code = "accounts.kind.invalid")
  AccountList list(
      @RequestParam(required = false) @Nullable String kind,
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable String after,
      @RequestParam(required = false) @Nullable Integer limit) {
    int size = limit == null ? properties.pageSize() : limit;
    if (size < 1 || size > 500) {
      throw SuishenException.badInput("accounts.list.limit-invalid");
    }
    List<Account> page = accounts.list(kind(kind), q, after, size + 1);
    if (page.size() > size) {
      List<Account> shown = page.subList(0, size);
      return new AccountList(List.copyOf(shown), shown.getLast().login());
    }
    return new AccountList(page, null);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One account")
  @Refusal(status = 404, code = "accounts.account.not-found")
  Account one(@PathVariable UUID id) {
    return accounts.find(id);
  }

  @PostMapping("/staff")
  @Operation(summary = "Create a staff account", description = "Audited.")
  @Refusal(status = 400, code = "accounts.username.invalid")
  @Refusal(status = 400, code = "accounts.password.weak")
  @Refusal(status = 400, code = "accounts.password.too-long")
  @Refusal(status = 400, code = "accounts.password.same-as-username")
  @Refusal(status = 400, code = "accounts.roles.missing")
  @Refusal(status = 400, code = "accounts.roles.not-staff")
  @Refusal(status = 400, code = "accounts.role.unknown")
  @Refusal(status = 400, code = "accounts.description.too-long")
  @Refusal(status = 409, code = "accounts.username.taken")
  ResponseEntity<Account> createStaff(@RequestBody NewStaff request) {
    Account account = accounts.createStaff(request, CurrentActor.get());
    return ResponseEntity.created(URI.create("/api/admin/accounts/" + account.id())).body(account);
  }

  /** Creates a device account; the generated secret is in this answer and never again. */
  @PostMapping("/devices")
  @Operation(
      summary = "Create a device account",
      description = "The generated secret is in this answer and never again. Audited.")
  @Refusal(status = 400, code = "accounts.device.id-invalid")
  @Refusal(status = 400, code = "accounts.device.role-invalid")
  @Refusal(status = 400, code = "accounts.role.unknown")
  @Refusal(status = 400, code = "accounts.description.too-long")
  @Refusal(status = 409, code = "accounts.device.id-taken")
  ResponseEntity<IssuedSecret> createDevice(@RequestBody NewDevice request) {
    IssuedSecret issued = accounts.createDevice(request, CurrentActor.get());
    return ResponseEntity.created(URI.create("/api/admin/accounts/" + issued.account().id()))
        .body(issued);
  }

  @PostMapping("/{id}/disable")
  @Operation(
      summary = "Disable an account",
      description = "It can no longer log in and its open sessions end. Audited.")
  @Refusal(status = 404, code = "accounts.account.not-found")
  @Refusal(status = 409, code = "accounts.account.self")
  @Refusal(status = 409, code = "accounts.admin.last")
  Account disable(@PathVariable UUID id) {
    return accounts.disable(id, CurrentActor.get());
  }

  @PostMapping("/{id}/enable")
  @Operation(summary = "Enable a disabled account", description = "Audited.")
  @Refusal(status = 404, code = "accounts.account.not-found")
  Account enable(@PathVariable UUID id) {
    return accounts.enable(id, CurrentActor.get());
  }

  /**
   * Lifts the lock on the account's login name after too many failed logins (and forgets its
   * failures). {@code lifted}: whether a lock was in force.
   */
  @PostMapping("/{id}/unlock")
  @Operation(summary = "Lift the lock on an account's login name", description = "Audited.")
  @Refusal(status = 404, code = "accounts.account.not-found")
  Unlocked unlock(@PathVariable UUID id) {
    Account account = accounts.find(id);
    return new Unlocked(account, throttle.unlock(account, CurrentActor.get()));
  }

  /**
   * Staff: sets the given password, or generates one if none is given. Devices: always generates a
   * new secret. A generated secret is in this answer and never again.
   */
  @PostMapping("/{id}/password")
  @Operation(
      summary = "Reset an account's password or device secret",
      description =
          "Staff: the given password, or a generated one. Devices: always a generated secret."
              + " A generated secret is in this answer and never again. Audited.")
  @Refusal(status = 404, code = "accounts.account.not-found")
  @Refusal(status = 400, code = "accounts.device.secret-generated")
  @Refusal(status = 400, code = "accounts.password.weak")
  @Refusal(status = 400, code = "accounts.password.too-long")
  @Refusal(status = 400, code = "accounts.password.same-as-username")
  IssuedSecret resetPassword(
      @PathVariable UUID id, @RequestBody(required = false) @Nullable PasswordRequest request) {
    return accounts.resetPassword(
        id, request == null ? null : request.password(), CurrentActor.get());
  }

  private static @Nullable AccountKind kind(@Nullable String kind) {
    if (kind == null || kind.isBlank()) {
      return null;
    }
    try {
      return AccountKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw SuishenException.badInput("accounts.kind.invalid");
    }
  }

  record AccountList(
      List<Account> accounts,
      @Schema(description = "the after of the next page; null on the last", example = "li.ming")
          @Nullable String next) {}

  record Unlocked(
      Account account,
      @Schema(description = "whether a lock was in force", example = "true") boolean lifted) {}

  record PasswordRequest(
      @Schema(
              description = "staff only; empty: generate one",
              example = "Spring-Rain-2026",
              accessMode = Schema.AccessMode.WRITE_ONLY)
          @Nullable String password) {}
}
