package org.suishen.offlinecode.internal;

/**
 * A printed offline code with its token (for the sheet's QR).
 *
 * @param voidedEarlier the operation voided an earlier print
 */
public record OfflineCode(OfflineCredential credential, String token, boolean voidedEarlier) {}
