package org.suishen.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.suishen.shared.problem.SuishenException;

class LoginNamePolicyTest {

  private final LoginNamePolicy policy = new LoginNamePolicy();

  @Test
  void normalisesCaseAndSpaces() {
    assertThat(policy.staffUsername("  Wang.Li ")).isEqualTo("wang.li");
    assertThat(policy.deviceId("KIOSK-0042")).isEqualTo("kiosk-0042");
    assertThat(policy.staffUsername("li_2")).isEqualTo("li_2");
  }

  @Test
  void refusesBadFormatsWithTheRightCode() {
    for (String bad : new String[] {"ab", "1abc", "wang li", "王丽", "a".repeat(65), "", "x@y.z"}) {
      assertThatThrownBy(() -> policy.staffUsername(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              SuishenException.class,
              e -> assertThat(e.code()).isEqualTo("accounts.username.invalid"));
    }
    assertThatThrownBy(() -> policy.deviceId("kiosk 42"))
        .isInstanceOfSatisfying(
            SuishenException.class,
            e -> assertThat(e.code()).isEqualTo("accounts.device.id-invalid"));
    assertThatThrownBy(() -> policy.staffUsername(null)).isInstanceOf(SuishenException.class);
  }
}
