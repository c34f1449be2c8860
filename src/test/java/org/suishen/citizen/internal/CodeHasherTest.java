package org.suishen.citizen.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CodeHasherTest {

  private final CodeHasher hasher =
      CodeHasher.fromSecret("test secret, long enough for the key rule");
  private final UUID id = UUID.randomUUID();

  @Test
  void theRightCodeMatchesItsHash() {
    assertThat(hasher.matches(id, "123456", hasher.hash(id, "123456"))).isTrue();
  }

  @Test
  void anotherCodeOrAnotherIdDoesNotMatch() {
    byte[] hash = hasher.hash(id, "123456");
    assertThat(hasher.matches(id, "123457", hash)).isFalse();
    assertThat(hasher.matches(UUID.randomUUID(), "123456", hash)).isFalse();
  }

  @Test
  void theHashRevealsNothingOfTheCodeAndDependsOnTheKey() {
    byte[] hash = hasher.hash(id, "123456");
    assertThat(new String(hash, StandardCharsets.ISO_8859_1)).doesNotContain("123456");
    assertThat(hash).hasSize(32);
    assertThat(
            CodeHasher.fromSecret("other secret, long enough for the key rule")
                .matches(id, "123456", hash))
        .isFalse();
  }

  @Test
  void refusesToStartWithoutASharedSecretOfAtLeast32Characters() {
    for (String secret : new String[] {"", " ", "short secret", "x".repeat(31)}) {
      assertThatThrownBy(() -> CodeHasher.fromSecret(secret))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("suishen.citizen.otp.hash-secret")
          .hasMessageContaining("SUISHEN_OTP_SECRET");
    }
    assertThat(CodeHasher.fromSecret("x".repeat(32)).hash(id, "123456")).hasSize(32);
  }
}
