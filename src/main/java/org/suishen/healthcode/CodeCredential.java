package org.suishen.healthcode;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A credential that a code of a credential-carrying type names (see {@link CodeCredentials}): whose
 * it is, whether it was voided, and the masked identity a scan shows.
 *
 * @param revokedAt when it was voided (e.g. a newer NAT code was generated), null while current
 * @param maskedName the masked name shown to scanning staff (王*明), null if unknown
 * @param maskedDocument the masked document number, null if unknown
 */
public record CodeCredential(
    UUID personId,
    @Nullable Instant revokedAt,
    @Nullable String maskedName,
    @Nullable String maskedDocument) {}
