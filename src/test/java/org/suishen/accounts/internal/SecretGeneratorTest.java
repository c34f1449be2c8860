package org.suishen.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class SecretGeneratorTest {

  private final SecretGenerator generator = new SecretGenerator();
  private final PasswordPolicy policy = new PasswordPolicy(10, 5);

  @Test
  void secretsHaveTheLengthAndOnlyUnambiguousCharacters() {
    String secret = generator.secret(32);
    assertThat(secret).hasSize(32);
    assertThat(secret.chars()).allMatch(c -> SecretGenerator.ALPHABET.indexOf(c) >= 0);
    assertThat(SecretGenerator.ALPHABET).doesNotContain("0", "O", "1", "l", "I");
  }

  @Test
  void secretsDoNotRepeat() {
    var seen = new HashSet<String>();
    for (int i = 0; i < 1_000; i++) {
      assertThat(seen.add(generator.secret(20))).isTrue();
    }
  }

  @Test
  void generatedPasswordsSatisfyThePolicy() {
    for (int i = 0; i < 200; i++) {
      String password = generator.password(20, policy, "admin");
      assertThat(password).hasSize(20);
      assertThat(policy.accepts("admin", password)).isTrue();
    }
  }

  @Test
  void refusesLengthsThePolicyOrBcryptWouldNotAccept() {
    assertThatThrownBy(() -> generator.password(9, policy, "admin"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> generator.password(73, policy, "admin"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
