package org.suishen.natcode.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One NAT code as the server keeps it: the random credential id the token carries, whose it is, its
 * validity, and the masked identity sampling staff see.
 *
 * @param revokedAt when it was voided (a newer code was generated), null while current
 */
public record NatCredential(
    UUID credentialId,
    UUID personId,
    Instant issuedAt,
    Instant expiresAt,
    @Nullable Instant revokedAt,
    int keyId,
    String maskedName,
    String maskedDocument) {

  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
