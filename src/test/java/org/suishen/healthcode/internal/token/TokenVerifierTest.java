package org.suishen.healthcode.internal.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.suishen.healthcode.CodeType;
import org.suishen.healthcode.ScanReason;
import org.suishen.status.Colour;

class TokenVerifierTest {

  private static final Instant ISSUED = Instant.parse("2026-11-21T08:00:00Z");
  private final SigningKey active = TestKeys.key(7, KeyStatus.ACTIVE);
  private final KeyRing ring = TestKeys.ring(active);
  private final TokenVerifier verifier = new TokenVerifier(ring, Duration.ofSeconds(30));

  private String liveToken() {
    return new TokenIssuer(ring)
        .issue(CodeType.LIVE, Colour.GREEN, UUID.randomUUID(), null, ISSUED, ISSUED.plusSeconds(60))
        .text();
  }

  @Test
  void acceptsATokenWithinItsWindowAndTheSkewTolerance() {
    String token = liveToken();
    assertThat(verifier.verify(token, ISSUED).reason()).isEqualTo(ScanReason.OK);
    assertThat(verifier.verify(token, ISSUED.minusSeconds(30)).reason()).isEqualTo(ScanReason.OK);
    assertThat(verifier.verify(token, ISSUED.plusSeconds(90)).reason()).isEqualTo(ScanReason.OK);
  }

  @Test
  void refusesAScreenshotAfterExpiryAndSkewAsExpired() {
    var verdict = verifier.verify(liveToken(), ISSUED.plusSeconds(91));
    assertThat(verdict.reason()).isEqualTo(ScanReason.EXPIRED);
    assertThat(verdict.payload()).isNotNull();
  }

  @Test
  void refusesATokenFromTheFutureBeyondTheSkew() {
    assertThat(verifier.verify(liveToken(), ISSUED.minusSeconds(31)).reason())
        .isEqualTo(ScanReason.NOT_YET_VALID);
  }

  @Test
  void refusesATokenOfAKeyItDoesNotKnow() {
    var other = new TokenVerifier(TestKeys.ring(TestKeys.key(8, KeyStatus.ACTIVE)), Duration.ZERO);
    assertThat(other.verify(liveToken(), ISSUED).reason()).isEqualTo(ScanReason.UNKNOWN_KEY);
  }

  @Test
  void refusesATokenWhoseTagWasMadeWithAnotherSecretAsBadSignature() {
    var impostor = TestKeys.key(7, KeyStatus.ACTIVE);
    String forged =
        new TokenIssuer(TestKeys.ring(impostor))
            .issue(
                CodeType.LIVE,
                Colour.GREEN,
                UUID.randomUUID(),
                null,
                ISSUED,
                ISSUED.plusSeconds(60))
            .text();
    assertThat(verifier.verify(forged, ISSUED).reason()).isEqualTo(ScanReason.BAD_SIGNATURE);
  }

  @Test
  void aVerifyOnlyKeyStillVerifiesButARetiredOneDoesNot() {
    String token = liveToken();
    var old =
        new SigningKey(
            7,
            KeyStatus.VERIFY_ONLY,
            active.privateKey(),
            active.publicKey(),
            active.hmacSecret(),
            ISSUED,
            ISSUED,
            ISSUED.plusSeconds(3600),
            null);
    var retired =
        new SigningKey(
            7,
            KeyStatus.RETIRED,
            active.privateKey(),
            active.publicKey(),
            active.hmacSecret(),
            ISSUED,
            ISSUED,
            ISSUED,
            ISSUED);
    var next = TestKeys.key(8, KeyStatus.ACTIVE);
    assertThat(
            new TokenVerifier(TestKeys.ring(old, next), Duration.ZERO)
                .verify(token, ISSUED)
                .reason())
        .isEqualTo(ScanReason.OK);
    assertThat(
            new TokenVerifier(TestKeys.ring(retired, next), Duration.ZERO)
                .verify(token, ISSUED)
                .reason())
        .isEqualTo(ScanReason.UNKNOWN_KEY);
  }

  @Test
  void aLiveTokenFitsASmallQrCodeAndAProxyTokenStaysUnder200Characters() {
    assertThat(liveToken()).startsWith("SSC:").hasSize(168).matches("[0-9A-Z $%*+\\-./:]+");
    String proxy =
        new TokenIssuer(ring)
            .issue(
                CodeType.PROXY,
                Colour.GREEN,
                UUID.randomUUID(),
                UUID.randomUUID(),
                ISSUED,
                ISSUED.plusSeconds(60))
            .text();
    assertThat(proxy).hasSize(192);
  }
}
