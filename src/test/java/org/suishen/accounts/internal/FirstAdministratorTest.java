package org.suishen.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FirstAdministratorTest {

  private final LoginNamePolicy logins = new LoginNamePolicy();
  private final PasswordPolicy passwords = new PasswordPolicy(10, 5);
  private final SecretGenerator generator = new SecretGenerator();

  private FirstAdministrator resolve(String username, String password) {
    return FirstAdministrator.from(
        new AccountsProperties.BootstrapAdmin(username, password),
        logins,
        passwords,
        generator,
        20);
  }

  @Test
  void usesTheConfiguredCredentialsAndPrintsNothing() {
    FirstAdministrator first = resolve("Admin", "Configured-Secret-9");
    assertThat(first.username()).isEqualTo("admin");
    assertThat(first.password()).isEqualTo("Configured-Secret-9");
    assertThat(first.generated()).isFalse();
    assertThat(first.notice()).isEmpty();
    assertThat(first.toString()).doesNotContain("Configured-Secret-9");
  }

  @Test
  void generatesAStrongPasswordWhenNoneIsConfigured() {
    FirstAdministrator first = resolve("admin", "");
    FirstAdministrator other = resolve("admin", null);
    assertThat(first.generated()).isTrue();
    assertThat(first.password()).hasSize(20).isNotEqualTo(other.password());
    assertThat(passwords.accepts("admin", first.password())).isTrue();
    assertThat(first.toString()).doesNotContain(first.password());
  }

  @Test
  void theNoticeFramesTheGeneratedPasswordOnce() {
    FirstAdministrator first = resolve("admin", "");
    String notice = first.notice();
    assertThat(notice.split(java.util.regex.Pattern.quote(first.password()), -1)).hasSize(2);
    assertThat(notice)
        .contains("admin", "FIRST ADMINISTRATOR", "shown only this once", "=".repeat(72));
    assertThat(notice.lines().filter(l -> l.equals("=".repeat(72)))).hasSize(2);
  }

  @Test
  void aWeakConfiguredPasswordOrBadUsernameStopsTheStartUp() {
    assertThatThrownBy(() -> resolve("admin", "short"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("suishen.accounts.bootstrap-admin.password")
        .hasMessageNotContaining("short");
    assertThatThrownBy(() -> resolve("admin", "my-admin-password"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> resolve("9 bad", "Configured-Secret-9"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("suishen.accounts.bootstrap-admin.username");
  }
}
