package org.suishen.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.suishen.shared.problem.SuishenException;

class PasswordPolicyTest {

  private final PasswordPolicy policy = new PasswordPolicy(10, 5);

  private String refusal(String login, String password) {
    try {
      policy.check(login, password);
    } catch (SuishenException e) {
      return e.code();
    }
    throw new AssertionError("accepted: " + password);
  }

  @Test
  void acceptsAPasswordOfTenVariedCharacters() {
    assertThatCode(() -> policy.check("wang.li", "Spring-2026")).doesNotThrowAnyException();
    assertThat(policy.accepts("wang.li", "随申码登录密码很安全吗")).isTrue();
  }

  @Test
  void refusesShortEmptyOrMonotonousPasswords() {
    assertThat(refusal("wang.li", "Short-1")).isEqualTo("accounts.password.weak");
    assertThat(refusal("wang.li", "")).isEqualTo("accounts.password.weak");
    assertThat(refusal("wang.li", "          ")).isEqualTo("accounts.password.weak");
    assertThat(refusal("wang.li", "aaaaaaaaaaaa")).isEqualTo("accounts.password.weak");
    assertThat(refusal("wang.li", "1212121212")).isEqualTo("accounts.password.weak");
    assertThatCode(() -> policy.check("wang.li", null))
        .isInstanceOf(SuishenException.class)
        .hasMessageContaining("accounts.password.weak");
  }

  @Test
  void refusesTheUsernameInAnyCase() {
    assertThat(refusal("wang.li.admin", "Wang.Li.Admin"))
        .isEqualTo("accounts.password.same-as-username");
    assertThat(refusal("wang.li", "my-WANG.LI-2026"))
        .isEqualTo("accounts.password.same-as-username");
  }

  @Test
  void refusesMoreThanBcryptsSeventyTwoBytes() {
    assertThat(refusal("wang.li", "Abcdefgh1-".repeat(8))).isEqualTo("accounts.password.too-long");
    // 24 Chinese characters are 72 bytes: still fine
    assertThat(policy.accepts("wang.li", "随申码健康码核酸码亲属码离线码数字哨兵采样登记检")).isTrue();
  }
}
