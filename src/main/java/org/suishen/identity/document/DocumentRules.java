package org.suishen.identity.document;

import org.suishen.identity.DocumentType;

/** Format rules of one document type. */
public interface DocumentRules {

  /** The number in canonical form, or a {@code SuishenException} with a stable code. */
  String canonical(String number);

  static DocumentRules forType(DocumentType type) {
    return switch (type) {
      case RESIDENT_ID -> ResidentIdRules.INSTANCE;
      default -> number -> number.strip().toUpperCase(java.util.Locale.ROOT);
    };
  }
}
