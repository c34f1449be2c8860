package org.suishen.natcode.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A voided NAT credential in the revocation feed.
 *
 * @param version the voiding transaction's id: increasing, final once handed out
 * @param expiresAt the code's own expiry: terminals may forget the entry after it
 */
public record Revocation(UUID credentialId, long version, Instant expiresAt) {}
