package org.suishen.identity;

import java.time.LocalDate;
import java.util.Optional;
import org.suishen.identity.document.DocumentRules;

/**
 * A validated identity document: its type and its number in canonical form (upper case, no spaces,
 * full-width characters folded). Construct it with {@link #of}, which refuses malformed numbers
 * with a stable error code.
 */
public record IdentityDocument(DocumentType type, String number) {

  /**
   * Validates and canonicalises; throws {@code SuishenException} (400) with a code such as {@code
   * identity.document.check-digit}. An embedded birth date must lie in 1900-2100; use {@link
   * #of(DocumentType, String, LocalDate)} to refuse birth dates after today.
   */
  public static IdentityDocument of(DocumentType type, String number) {
    return new IdentityDocument(type, DocumentRules.forType(type).canonical(number));
  }

  /** Like {@link #of(DocumentType, String)}, and an embedded birth date must not be after today. */
  public static IdentityDocument of(DocumentType type, String number, LocalDate today) {
    return new IdentityDocument(type, DocumentRules.forType(type).canonical(number, today));
  }

  /** The birth date written into the number (resident IDs, residence permits, new PR cards). */
  public Optional<LocalDate> embeddedBirthDate() {
    return DocumentRules.forType(type).birthDate(number);
  }

  /** The sex written into the number (resident IDs and HMT residence permits). */
  public Optional<Sex> embeddedSex() {
    return DocumentRules.forType(type).sex(number);
  }

  @Override
  public String toString() {
    return type + ":" + org.suishen.shared.masking.Masking.documentNumber(number);
  }
}
