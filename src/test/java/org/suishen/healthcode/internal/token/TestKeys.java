package org.suishen.healthcode.internal.token;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

/** Keys for unit tests. */
final class TestKeys {

  private static final SecureRandom RANDOM = new SecureRandom();

  private TestKeys() {}

  static SigningKey key(int keyId, KeyStatus status) {
    var privateKey = TokenCrypto.newPrivateKey(RANDOM);
    var secret = new byte[TokenCrypto.HMAC_SECRET_LENGTH];
    RANDOM.nextBytes(secret);
    return new SigningKey(
        keyId,
        status,
        privateKey,
        privateKey.generatePublicKey().getEncoded(),
        secret,
        Instant.EPOCH,
        Instant.EPOCH,
        null,
        null);
  }

  static KeyRing ring(SigningKey... keys) {
    return new KeyRing(List.of(keys));
  }
}
