package org.suishen.healthcode.internal.token;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** An immutable snapshot of the keys that sign and verify. */
public final class KeyRing implements KeyLookup {

  private final Map<Integer, SigningKey> verifying;
  private final @Nullable SigningKey signer;

  public KeyRing(Collection<SigningKey> keys) {
    this.verifying =
        keys.stream()
            .filter(k -> k.status().verifies())
            .collect(Collectors.toUnmodifiableMap(SigningKey::keyId, Function.identity()));
    List<SigningKey> active = keys.stream().filter(k -> k.status() == KeyStatus.ACTIVE).toList();
    if (active.size() > 1) {
      throw new IllegalStateException("more than one active signing key");
    }
    this.signer = active.isEmpty() ? null : active.getFirst();
  }

  @Override
  public SigningKey signer() {
    if (signer == null) {
      throw new IllegalStateException("no active signing key");
    }
    return signer;
  }

  public boolean hasSigner() {
    return signer != null;
  }

  @Override
  public @Nullable SigningKey verifier(int keyId) {
    return verifying.get(keyId);
  }

  public Collection<SigningKey> keys() {
    return verifying.values();
  }
}
