package org.suishen.healthcode.internal.keys;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.suishen.healthcode.internal.token.KeyStatus;

/** A signing key as the key list and the administrators see it: public parts only. */
public record KeyInfo(
    int keyId,
    String algorithm,
    byte[] publicKey,
    KeyStatus status,
    Instant createdAt,
    @Nullable Instant activatedAt,
    @Nullable Instant verifyUntil,
    @Nullable Instant retiredAt) {}
