package org.suishen.healthcode;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A freshly issued code: the text to put into a QR code (alphanumeric mode) and its validity.
 *
 * @param token the scheme prefix and the Base45 text, e.g. {@code SSC:...}
 * @param keyId the signing key that signed it
 * @param watermark the text a page lays over a code shown on a screen (MISSION X1): the trace of
 *     whose screen shows it and the time of issue; null for codes meant for paper (credentials)
 */
public record IssuedCode(
    String token,
    CodeType type,
    int keyId,
    Instant issuedAt,
    Instant expiresAt,
    @Nullable String watermark) {}
