package org.suishen.healthcode.internal.token;

import org.jspecify.annotations.Nullable;

/** Where the issuer finds the signing key and the verifier a key by id. */
public interface KeyLookup {

  /** The one ACTIVE key. */
  SigningKey signer();

  /** An ACTIVE or VERIFY_ONLY key with this id, or null. */
  @Nullable SigningKey verifier(int keyId);
}
