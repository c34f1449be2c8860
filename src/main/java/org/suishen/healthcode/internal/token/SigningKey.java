package org.suishen.healthcode.internal.token;

import java.time.Instant;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.jspecify.annotations.Nullable;

/**
 * One key id's secrets in memory: the Ed25519 key pair and the server's HMAC secret.
 *
 * @param verifyUntil for a VERIFY_ONLY key, when it is retired
 */
public record SigningKey(
    int keyId,
    KeyStatus status,
    Ed25519PrivateKeyParameters privateKey,
    byte[] publicKey,
    byte[] hmacSecret,
    Instant createdAt,
    @Nullable Instant activatedAt,
    @Nullable Instant verifyUntil,
    @Nullable Instant retiredAt) {

  @Override
  public String toString() {
    return "SigningKey[" + keyId + ", " + status + "]";
  }
}
