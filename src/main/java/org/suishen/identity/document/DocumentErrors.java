package org.suishen.identity.document;

/**
 * The stable error codes of document validation (messages in {@code i18n/identity*.properties}).
 */
public final class DocumentErrors {

  /** Wrong length or characters for the document type. */
  public static final String FORMAT = "identity.document.format";

  /** The GB 11643 check character does not match. */
  public static final String CHECK_DIGIT = "identity.document.check-digit";

  /** The embedded birth date is not a real date, or lies outside 1900 .. today (or 2100). */
  public static final String BIRTH_DATE = "identity.document.birth-date";

  /** The first two digits are not a province-level region code. */
  public static final String REGION = "identity.document.region";

  /** A document type name that is not one of {@code DocumentType}. */
  public static final String UNKNOWN_TYPE = "identity.document.unknown-type";

  private DocumentErrors() {}
}
