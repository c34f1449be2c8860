package org.suishen.offlinecode.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A voided offline credential in the revocation feed.
 *
 * @param version the voiding transaction's id: increasing, final once handed out
 * @param expiresAt the code's own expiry: terminals may forget the entry after it
 */
public record OfflineRevocation(UUID credentialId, long version, Instant expiresAt) {}
