package org.suishen.accounts.internal.devicetoken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.suishen.accounts.DeviceTokenRefused;
import org.suishen.shared.security.Role;

/** Device tokens: what one key signs it verifies; anything else is refused with its code. */
class DeviceTokensTest {

  static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");
  static final byte[] KEY = "device-token-test-key-of-32-byte".getBytes(StandardCharsets.US_ASCII);

  final DeviceTokens tokens = new DeviceTokens(KEY);

  static DeviceTokenClaims sentinel() {
    return new DeviceTokenClaims(
        UUID.fromString("6f1c2a9e-3b7d-4c1a-9e55-2d8f0b7a4c11"),
        "sentinel-0001",
        Role.VENUE_SENTINEL,
        3,
        NOW,
        NOW.plus(Duration.ofMinutes(10)));
  }

  static String code(Runnable check) {
    try {
      check.run();
    } catch (DeviceTokenRefused refused) {
      return refused.code();
    }
    throw new AssertionError("not refused");
  }

  @Test
  void aTokenVerifiesToItsClaimsUntilItExpires() {
    String token = tokens.issue(sentinel());
    assertThat(token).startsWith("dt1.").hasSizeLessThan(200);
    assertThat(tokens.verify(token, NOW)).isEqualTo(sentinel());
    assertThat(tokens.verify(token, NOW.plus(Duration.ofMinutes(10)).minusSeconds(1)))
        .isEqualTo(sentinel());
    assertThat(code(() -> tokens.verify(token, NOW.plus(Duration.ofMinutes(10)))))
        .isEqualTo(DeviceTokenRefused.EXPIRED);
  }

  @Test
  void aTokenOfAnotherKeyIsInvalid() {
    var other =
        new DeviceTokens("another-key-of-thirty-two-bytes!".getBytes(StandardCharsets.US_ASCII));
    String token = other.issue(sentinel());
    assertThat(code(() -> tokens.verify(token, NOW))).isEqualTo(DeviceTokenRefused.INVALID);
  }

  @Test
  void aChangedPayloadIsInvalidEvenWithTheOldTag() {
    String token = tokens.issue(sentinel());
    String[] parts = token.substring(4).split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
    // another role, the same tag: a kiosk cannot make itself a sentinel, nor extend its time
    for (String forged :
        new String[] {
          payload.replace("VENUE_SENTINEL", "BANK_KIOSK"),
          payload.replace("|3|", "|4|"),
          payload.substring(0, payload.lastIndexOf('|') + 1) + "4102444800"
        }) {
      String encoded =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(forged.getBytes(StandardCharsets.UTF_8));
      assertThat(code(() -> tokens.verify("dt1." + encoded + "." + parts[1], NOW)))
          .as(forged)
          .isEqualTo(DeviceTokenRefused.INVALID);
    }
  }

  @Test
  void everyOtherSpellingOfTheTagIsInvalid() {
    // the tag's last character carries two bits no decoder reads: a token spelt with them set is
    // still the same bytes, yet not the token that was issued
    String token = tokens.issue(sentinel());
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    String head = token.substring(0, token.length() - 1);
    for (char last : alphabet.toCharArray()) {
      String spelt = head + last;
      if (spelt.equals(token)) {
        assertThat(tokens.verify(spelt, NOW)).isEqualTo(sentinel());
      } else {
        assertThat(code(() -> tokens.verify(spelt, NOW)))
            .as(spelt)
            .isEqualTo(DeviceTokenRefused.INVALID);
      }
    }
  }

  @Test
  void garbageOfEveryKindIsInvalidNeverAnotherFailure() {
    String token = tokens.issue(sentinel());
    for (String garbage :
        new String[] {
          "",
          "dt1.",
          "dt1..",
          "dt1.a.b.c",
          "dt2." + token.substring(4),
          token + "x",
          token.substring(0, token.length() - 2),
          "dt1.!!!!.????",
          "dt1." + "A".repeat(600),
          token.replace('.', '!'),
          "Basic dGVzdDp0ZXN0"
        }) {
      assertThat(code(() -> tokens.verify(garbage, NOW)))
          .as(garbage)
          .isEqualTo(DeviceTokenRefused.INVALID);
    }
  }

  @Test
  void aWellSignedPayloadThatIsNotADevicesIsInvalid() {
    // signed with the right key but naming a staff role: never a device token
    var staff =
        new DeviceTokenClaims(
            UUID.randomUUID(), "li.ming", Role.ADMINISTRATOR, 1, NOW, NOW.plusSeconds(600));
    String token = tokens.issue(staff);
    assertThat(code(() -> tokens.verify(token, NOW))).isEqualTo(DeviceTokenRefused.INVALID);
  }

  @Test
  void aShortKeyIsRefused() {
    assertThatThrownBy(() -> new DeviceTokens(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
  }
}
