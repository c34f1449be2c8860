package org.suishen.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {

  private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");

  private final VerifiedCredentials cache = new VerifiedCredentials(Duration.ofMinutes(10), 3);

  @Test
  void remembersAVerifiedSecretForTheSameStoredHash() {
    cache.remember("kiosk-1", "{bcrypt}hash-1", "secret", NOW);
    assertThat(cache.matches("kiosk-1", "{bcrypt}hash-1", "secret", NOW.plusSeconds(60))).isTrue();
  }

  @Test
  void aWrongSecretAChangedHashOrAnotherLoginDoNotMatch() {
    cache.remember("kiosk-1", "{bcrypt}hash-1", "secret", NOW);
    assertThat(cache.matches("kiosk-1", "{bcrypt}hash-1", "Secret", NOW)).isFalse();
    assertThat(cache.matches("kiosk-1", "{bcrypt}hash-2", "secret", NOW)).isFalse();
    assertThat(cache.matches("kiosk-2", "{bcrypt}hash-1", "secret", NOW)).isFalse();
  }

  @Test
  void forgetsAfterTheTimeToLive() {
    cache.remember("kiosk-1", "{bcrypt}hash-1", "secret", NOW);
    assertThat(
            cache.matches("kiosk-1", "{bcrypt}hash-1", "secret", NOW.plus(Duration.ofMinutes(11))))
        .isFalse();
  }

  @Test
  void staysBounded() {
    for (int i = 0; i < 10; i++) {
      cache.remember("kiosk-" + i, "h", "s", NOW);
    }
    int remembered = 0;
    for (int i = 0; i < 10; i++) {
      remembered += cache.matches("kiosk-" + i, "h", "s", NOW) ? 1 : 0;
    }
    assertThat(remembered).isBetween(1, 3);
  }
}
