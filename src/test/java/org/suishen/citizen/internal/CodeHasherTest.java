package org.suishen.citizen.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CodeHasherTest {

  private final CodeHasher hasher = CodeHasher.fromSecret("test secret");
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
    assertThat(CodeHasher.fromSecret("other secret").matches(id, "123456", hash)).isFalse();
  }

  @Test
  void withoutAConfiguredSecretEachProcessHasItsOwnRandomKey() {
    var a = CodeHasher.fromSecret("");
    var b = CodeHasher.fromSecret(" ");
    assertThat(a.hash(id, "123456")).isNotEqualTo(b.hash(id, "123456"));
  }
}
