package org.suishen.identity;

import org.suishen.identity.document.DocumentRules;

/**
 * A validated identity document: its type and its number in canonical form (upper case, no spaces).
 * Construct it with {@link #of}, which refuses malformed numbers with a stable error code.
 */
public record IdentityDocument(DocumentType type, String number) {

  /**
   * Validates and canonicalises; throws {@code SuishenException} (400) with a code such as {@code
   * identity.document.check-digit}.
   */
  public static IdentityDocument of(DocumentType type, String number) {
    return new IdentityDocument(type, DocumentRules.forType(type).canonical(number));
  }

  @Override
  public String toString() {
    return type + ":" + org.suishen.shared.masking.Masking.documentNumber(number);
  }
}
