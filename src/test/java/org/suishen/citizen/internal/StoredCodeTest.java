package org.suishen.citizen.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.suishen.shared.problem.SuishenException;

class StoredCodeTest {

  private static final Instant NOW = Instant.parse("2022-04-01T02:00:00Z");

  private static StoredCode code(Instant expiresAt, int attempts, Instant usedAt) {
    return new StoredCode(UUID.randomUUID(), new byte[32], expiresAt, attempts, usedAt);
  }

  private static String refusal(StoredCode code) {
    try {
      code.requireUsable(NOW, 5);
      return "usable";
    } catch (SuishenException e) {
      return e.code();
    }
  }

  @Test
  void aFreshCodeIsUsable() {
    assertThatCode(() -> code(NOW.plusSeconds(1), 4, null).requireUsable(NOW, 5))
        .doesNotThrowAnyException();
  }

  @Test
  void aCodeIsExpiredFromItsExpiryOn() {
    assertThat(refusal(code(NOW, 0, null))).isEqualTo("citizen.otp.expired");
    assertThat(refusal(code(NOW.minusSeconds(1), 0, null))).isEqualTo("citizen.otp.expired");
  }

  @Test
  void aUsedCodeIsUsedEvenWhenExpired() {
    assertThat(refusal(code(NOW.minusSeconds(1), 1, NOW.minusSeconds(30))))
        .isEqualTo("citizen.otp.used");
  }

  @Test
  void aCodeWithAllAttemptsSpentIsDead() {
    assertThat(refusal(code(NOW.plusSeconds(100), 5, null))).isEqualTo("citizen.otp.attempts");
  }

  @Test
  void refusalsAreBadInput() {
    assertThatThrownBy(() -> code(NOW, 0, null).requireUsable(NOW, 5))
        .isInstanceOfSatisfying(
            SuishenException.class, e -> assertThat(e.status().value()).isEqualTo(400));
  }
}
