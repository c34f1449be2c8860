package org.suishen.healthcode.internal.keys;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.suishen.healthcode.CodeType;
import org.suishen.healthcode.internal.HealthCodeProperties;

class MasterKeyTest {

  static HealthCodeProperties properties(String masterKey, boolean generate, String file) {
    return new HealthCodeProperties(
        Duration.ofSeconds(60),
        Duration.ofSeconds(30),
        Duration.ofSeconds(30),
        masterKey,
        generate,
        file,
        "photos",
        new HealthCodeProperties.Keys(
            Duration.ofDays(1),
            Duration.ofSeconds(30),
            Duration.ofSeconds(60),
            Duration.ofSeconds(1)),
        new HealthCodeProperties.Scan(
            Set.of(CodeType.LIVE), 10, 10, Duration.ofSeconds(5), 1, Duration.ofDays(180), 3));
  }

  static String randomKey() {
    var key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  @Test
  void sealedSecretsOpenOnlyWithTheSameKeyAndContext() {
    String configured = randomKey();
    var key = new MasterKey(properties(configured, false, ""));
    byte[] sealed = key.seal("secret".getBytes(UTF_8), "signing_key:1:hmac-secret");

    assertThat(
            new String(
                new MasterKey(properties(configured, false, ""))
                    .open(sealed, "signing_key:1:hmac-secret"),
                UTF_8))
        .isEqualTo("secret");
    assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("secret");
    assertThatThrownBy(() -> key.open(sealed, "signing_key:2:hmac-secret"))
        .isInstanceOf(MasterKey.WrongMasterKey.class);
    assertThatThrownBy(
            () ->
                new MasterKey(properties(randomKey(), false, ""))
                    .open(sealed, "signing_key:1:hmac-secret"))
        .isInstanceOf(MasterKey.WrongMasterKey.class)
        .hasMessageContaining("suishen.healthcode.master-key");
  }

  @Test
  void withoutAMasterKeyProductionRefusesToStart() {
    assertThatThrownBy(() -> new MasterKey(properties("", false, "")))
        .hasMessageContaining("SUISHEN_HEALTHCODE_MASTER_KEY");
    assertThatThrownBy(() -> new MasterKey(properties("c2hvcnQ=", false, "")))
        .hasMessageContaining("32 bytes");
  }

  @Test
  void developmentGeneratesAKeyAndKeepsItForTheNextStart(@TempDir Path folder) throws Exception {
    String file = folder.resolve("keys/master.key").toString();
    var first = new MasterKey(properties(null, true, file));
    byte[] sealed = first.seal(new byte[] {1, 2, 3}, "x");

    assertThat(Files.readString(Path.of(file))).isNotBlank();
    assertThat(new MasterKey(properties(null, true, file)).open(sealed, "x"))
        .containsExactly(1, 2, 3);
  }
}
