package org.suishen.natcode.internal;

import java.time.Instant;

/**
 * A NAT code to show or print: the credential and its token text (for a QR code in alphanumeric
 * mode). The token is static: the same credential always yields a token that is accepted, and the
 * same text while the signing key is unchanged.
 *
 * @param replacedEarlier a code just generated voided an earlier one (the page says so only then: a
 *     person's first code voids nothing)
 */
public record NatCode(NatCredential credential, String token, boolean replacedEarlier) {

  public NatCode(NatCredential credential, String token) {
    this(credential, token, false);
  }

  public Instant issuedAt() {
    return credential.issuedAt();
  }

  public Instant expiresAt() {
    return credential.expiresAt();
  }

  public String maskedName() {
    return credential.maskedName();
  }

  public String maskedDocument() {
    return credential.maskedDocument();
  }

  public boolean expiredAt(Instant now) {
    return credential.expiredAt(now);
  }
}
