package org.suishen.accounts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.accounts.AccountKind;
import org.suishen.accounts.internal.AccountPrincipal;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Role;

/**
 * Who am I: lets a device or API client check that its credentials work and which role it holds.
 */
@RestController
@Tag(name = "Accounts")
class CurrentAccountApiController {

  @GetMapping("/api/accounts/me")
  @Operation(
      summary = "The staff or device account logged in",
      description = "Lets a device or API client check its credentials and the role it holds.")
  @Refusal(status = 404, code = "accounts.account.not-found")
  Me me(@AuthenticationPrincipal Object principal) {
    if (!(principal instanceof AccountPrincipal account)) {
      throw SuishenException.notFound("accounts.account.not-found");
    }
    return new Me(
        account.accountId().toString(), account.getUsername(), account.kind(), account.roles());
  }

  record Me(
      @Schema(example = "6f1c2a9e-3b7d-4c1a-9e55-2d8f0b7a4c11") String id,
      @Schema(example = "kiosk-0042") String login,
      AccountKind kind,
      List<Role> roles) {}
}
