package org.suishen.accounts.web;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.accounts.AccountKind;
import org.suishen.accounts.internal.AccountPrincipal;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Role;

/**
 * Who am I: lets a device or API client check that its credentials work and which role it holds.
 */
@RestController
class CurrentAccountApiController {

  @GetMapping("/api/accounts/me")
  Me me(@AuthenticationPrincipal Object principal) {
    if (!(principal instanceof AccountPrincipal account)) {
      throw SuishenException.notFound("accounts.account.not-found");
    }
    return new Me(
        account.accountId().toString(), account.getUsername(), account.kind(), account.roles());
  }

  record Me(String id, String login, AccountKind kind, List<Role> roles) {}
}
