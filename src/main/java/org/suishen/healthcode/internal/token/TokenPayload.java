package org.suishen.healthcode.internal.token;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.healthcode.CodeType;
import org.suishen.status.Colour;

/**
 * The signed part of a token. Times have a resolution of one second.
 *
 * @param holderRef set exactly for {@link CodeType#PROXY}
 */
public record TokenPayload(
    int version,
    CodeType type,
    @Nullable Colour colour,
    int keyId,
    UUID personRef,
    @Nullable UUID holderRef,
    Instant issuedAt,
    Instant expiresAt) {

  public TokenPayload {
    if (version < 1 || version > 255) {
      throw new IllegalArgumentException("version");
    }
    if (keyId < 1 || keyId > 0xffff) {
      throw new IllegalArgumentException("key id");
    }
    if (type.namesHolder() != (holderRef != null)) {
      throw new IllegalArgumentException("holder reference");
    }
    issuedAt = Instant.ofEpochSecond(issuedAt.getEpochSecond());
    expiresAt = Instant.ofEpochSecond(expiresAt.getEpochSecond());
  }
}
