package org.suishen.healthcode.internal.token;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.healthcode.CodeType;
import org.suishen.status.Colour;

/** Builds, signs and tags tokens with the active key. */
public final class TokenIssuer {

  private final KeyLookup keys;

  public TokenIssuer(KeyLookup keys) {
    this.keys = keys;
  }

  public Issued issue(
      CodeType type,
      @Nullable Colour colour,
      UUID personRef,
      @Nullable UUID holderRef,
      Instant issuedAt,
      Instant expiresAt) {
    SigningKey key = keys.signer();
    var payload =
        new TokenPayload(
            TokenCodec.VERSION,
            type,
            colour,
            key.keyId(),
            personRef,
            holderRef,
            issuedAt,
            expiresAt);
    return new Issued(payload, encode(payload, key));
  }

  /** Signs and tags a payload with the given key (which must be the payload's key id). */
  public static String encode(TokenPayload payload, SigningKey key) {
    byte[] bytes = TokenCodec.payloadBytes(payload);
    byte[] signature = TokenCrypto.sign(key.privateKey(), bytes);
    var tagged = new byte[bytes.length + signature.length];
    System.arraycopy(bytes, 0, tagged, 0, bytes.length);
    System.arraycopy(signature, 0, tagged, bytes.length, signature.length);
    return TokenCodec.text(
        bytes, signature, TokenCrypto.tag(key.hmacSecret(), tagged, tagged.length));
  }

  /** The payload as signed and its text. */
  public record Issued(TokenPayload payload, String text) {}
}
