package org.suishen.accounts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.accounts.internal.LoginLock;
import org.suishen.accounts.internal.LoginThrottle;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.security.CurrentActor;

/**
 * Locks after too many failed staff or device logins, for ADMINISTRATOR: the locks in force, and
 * lifting the lock on a client address (a login name's lock: {@code POST
 * /api/admin/accounts/{id}/unlock}).
 */
@RestController
@RequestMapping("/api/admin/login-locks")
@Tag(name = "Accounts")
class AdminLoginLocksApiController {

  private static final int SHOWN = 500;

  private final LoginThrottle throttle;

  AdminLoginLocksApiController(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  /** The locks in force (at most 500), the latest ending first. */
  @GetMapping
  @Operation(
      summary = "Login locks in force",
      description = "At most 500, the latest ending first.")
  Locks locks() {
    return new Locks(throttle.locks(SHOWN));
  }

  /** Lifts the lock on a client address (IPv6: on its /64 network) and forgets its failures. */
  @PostMapping("/address")
  @Operation(
      summary = "Lift the lock on a client address",
      description = "IPv6: on its /64 network; its failures are forgotten. Audited.")
  @Refusal(status = 400, code = "accounts.lock.address-invalid")
  LoginThrottle.AddressUnlock unlockAddress(@RequestBody(required = false) @Nullable Address body) {
    return throttle.unlockAddress(body == null ? null : body.address(), CurrentActor.get());
  }

  record Locks(List<LoginLock> locks) {}

  record Address(@Schema(example = "203.0.113.7") @Nullable String address) {}
}
