package org.suishen.healthcode;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The server's verdict on a presented code. When {@link #reason()} is {@link ScanReason#OK}, the
 * type, person and times are set; for a refusal they are set as far as the code could be read
 * (never for a malformed or forged code).
 *
 * @param personRef the opaque reference the code carries, when it is genuine
 * @param personId the person the reference stands for, when known and not revoked
 * @param holderPersonId for a {@link CodeType#PROXY} code, the family member who holds it
 */
public record CodeCheck(
    ScanReason reason,
    @Nullable CodeType type,
    @Nullable UUID personRef,
    @Nullable UUID personId,
    @Nullable UUID holderPersonId,
    @Nullable Instant issuedAt,
    @Nullable Instant expiresAt) {

  public static CodeCheck refused(ScanReason reason) {
    return new CodeCheck(reason, null, null, null, null, null, null);
  }

  public boolean accepted() {
    return reason.accepted();
  }
}
