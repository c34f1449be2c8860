package org.suishen.sampling.internal;

import org.jspecify.annotations.Nullable;

/**
 * What the terminal read at the sampling table (S1, S2, N4, R4, O10). Every kind resolves to one
 * person through {@link CredentialResolution}; a new kind of code (the printed offline code) plugs
 * in as a code type of the health-code context's {@code CodeTokens} and needs nothing here.
 */
public sealed interface PresentedCredential {

  /** The credential kinds a registration names, as the API spells them. */
  enum Kind {
    /** A QR token: NAT code, live code, proxy code, offline code. */
    CODE,
    /** An ID card on the reader: what the chip gave (document type, number, name). */
    ID_CARD,
    /** A document number typed by staff, with the name as the second factor. */
    TYPED_NUMBER
  }

  Kind kind();

  /** A scanned code token. */
  record Code(String payload) implements PresentedCredential {
    @Override
    public Kind kind() {
      return Kind.CODE;
    }
  }

  /** A document read from a card or typed: any document type of the register (passports too). */
  record Document(
      Kind kind, @Nullable String documentType, @Nullable String number, @Nullable String name)
      implements PresentedCredential {}
}
