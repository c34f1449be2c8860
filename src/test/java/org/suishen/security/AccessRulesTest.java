package org.suishen.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.suishen.shared.security.Role;

class AccessRulesTest {

  @Test
  void theAccountPagesAndTheirActionsAreForAdministratorsOnly() {
    for (String path :
        List.of(
            "/admin/accounts",
            "/admin/accounts/{id}",
            "/admin/accounts/{id}/disable",
            "/admin/accounts/{id}/enable",
            "/admin/accounts/{id}/password",
            "/admin/accounts/{id}/unlock",
            "/admin/accounts/staff",
            "/admin/accounts/devices")) {
      assertThat(AccessRules.forPath(path))
          .as(path)
          .hasValueSatisfying(
              rule -> {
                assertThat(rule.open()).isFalse();
                assertThat(rule.roles()).isEqualTo(Set.of(Role.ADMINISTRATOR));
              });
    }
  }
}
