package org.suishen.citizen.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.suishen.shared.problem.SuishenException;

class CodeSendingLimitsTest {

  private static final Instant NOW = Instant.parse("2022-04-01T02:00:00Z");
  private final CitizenProperties.Otp settings =
      new CitizenProperties.Otp(
          Duration.ofMinutes(5), 5, Duration.ofSeconds(60), 10, 3, Duration.ofHours(1), "");
  private final CodeSendingLimits limits = new CodeSendingLimits(settings);

  @Test
  void aFirstCodeIsSent() {
    assertThatCode(() -> limits.check(new CodeSendHistory(null, 0, 0), NOW))
        .doesNotThrowAnyException();
  }

  @Test
  void aSecondCodeWithinTheResendIntervalIsTooSoonAndSaysHowLongToWait() {
    var history = new CodeSendHistory(NOW.minusSeconds(20), 1, 1);
    assertThatThrownBy(() -> limits.check(history, NOW))
        .isInstanceOfSatisfying(
            SuishenException.class,
            e -> {
              assertThat(e.code()).isEqualTo("citizen.otp.too-soon");
              assertThat(e.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
              assertThat(e.arguments()).containsExactly(40L);
            });
  }

  @Test
  void aCodeAfterTheResendIntervalIsSent() {
    assertThatCode(() -> limits.check(new CodeSendHistory(NOW.minusSeconds(60), 1, 1), NOW))
        .doesNotThrowAnyException();
  }

  @Test
  void theDailyLimitComesBeforeTheWait() {
    var history = new CodeSendHistory(NOW.minusSeconds(5), 10, 0);
    assertThatThrownBy(() -> limits.check(history, NOW))
        .isInstanceOfSatisfying(
            SuishenException.class,
            e -> {
              assertThat(e.code()).isEqualTo("citizen.otp.daily-limit");
              assertThat(e.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            });
  }

  @Test
  void oneBelowTheDailyLimitIsSent() {
    assertThatCode(() -> limits.check(new CodeSendHistory(NOW.minusSeconds(600), 9, 0), NOW))
        .doesNotThrowAnyException();
  }

  @Test
  void tooManyCodesFromOneAddressAreRefused() {
    assertThatThrownBy(() -> limits.check(new CodeSendHistory(null, 0, 3), NOW))
        .isInstanceOfSatisfying(
            SuishenException.class, e -> assertThat(e.code()).isEqualTo("citizen.otp.ip-limit"));
  }

  @Test
  void anAddressLimitOfZeroMeansNoLimit() {
    var unlimited =
        new CodeSendingLimits(
            new CitizenProperties.Otp(
                Duration.ofMinutes(5), 5, Duration.ofSeconds(60), 10, 0, Duration.ofHours(1), ""));
    assertThatCode(() -> unlimited.check(new CodeSendHistory(null, 0, 1_000_000), NOW))
        .doesNotThrowAnyException();
  }
}
