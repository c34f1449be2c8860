package org.suishen.healthcode.internal.token;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.suishen.healthcode.ScanReason;

/**
 * The server's check of a token: format, key id, the HMAC tag over payload and signature (cheap:
 * the Ed25519 signature is there for offline verifiers), then the validity window with the
 * clock-skew tolerance. Never throws for any input.
 */
public final class TokenVerifier {

  private final KeyLookup keys;
  private final Duration skew;

  public TokenVerifier(KeyLookup keys, Duration skew) {
    this.keys = keys;
    this.skew = skew;
  }

  public Verification verify(@Nullable String text, Instant now) {
    RawToken token;
    try {
      token = TokenCodec.read(text);
    } catch (MalformedToken e) {
      return new Verification(ScanReason.MALFORMED, null);
    }
    TokenPayload payload = token.payload();
    SigningKey key = keys.verifier(payload.keyId());
    if (key == null) {
      return new Verification(ScanReason.UNKNOWN_KEY, null);
    }
    if (!TokenCrypto.tagMatches(key.hmacSecret(), token)) {
      return new Verification(ScanReason.BAD_SIGNATURE, null);
    }
    if (now.isBefore(payload.issuedAt().minus(skew))) {
      return new Verification(ScanReason.NOT_YET_VALID, payload);
    }
    if (now.isAfter(payload.expiresAt().plus(skew))) {
      return new Verification(ScanReason.EXPIRED, payload);
    }
    return new Verification(ScanReason.OK, payload);
  }

  /**
   * The verdict; the payload is set once the tag has been checked (it is genuine), even if the
   * token is outside its validity window.
   */
  public record Verification(ScanReason reason, @Nullable TokenPayload payload) {}
}
