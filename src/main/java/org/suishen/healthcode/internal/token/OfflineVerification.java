package org.suishen.healthcode.internal.token;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an offline verifier (a terminal with the published public keys, no server secret) does: it
 * reads the token and checks the Ed25519 signature of the payload. It cannot check the server tag.
 * A reference for terminal vendors and the property tests.
 */
public final class OfflineVerification {

  private OfflineVerification() {}

  /** The payload if the signature is valid under the published key of its key id, else null. */
  public static @Nullable TokenPayload verify(
      @Nullable String text, Map<Integer, byte[]> publicKeys) {
    try {
      RawToken token = TokenCodec.read(text);
      byte[] publicKey = publicKeys.get(token.payload().keyId());
      return publicKey != null
              && TokenCrypto.signatureValid(publicKey, token.payloadBytes(), token.signature())
          ? token.payload()
          : null;
    } catch (MalformedToken e) {
      return null;
    }
  }
}
