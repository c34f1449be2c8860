package org.suishen.offlinecode.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One printed offline code behind its token.
 *
 * @param operation how it came about: FIRST (首次申领), REISSUE (补领), REAPPLY (再次申领)
 * @param voidReason LOST (挂失), REISSUED or REAPPLIED (a newer code voided it); null while current
 */
public record OfflineCredential(
    UUID credentialId,
    UUID personId,
    String operation,
    Channel channel,
    Instant issuedAt,
    Instant expiresAt,
    @Nullable Instant voidedAt,
    @Nullable String voidReason,
    int keyId,
    String maskedName,
    String maskedDocument) {

  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
