package org.suishen.healthcode;

import java.time.Instant;

/**
 * A freshly issued code: the text to put into a QR code (alphanumeric mode) and its validity.
 *
 * @param token the scheme prefix and the Base45 text, e.g. {@code SSC:...}
 * @param keyId the signing key that signed it
 */
public record IssuedCode(
    String token, CodeType type, int keyId, Instant issuedAt, Instant expiresAt) {}
