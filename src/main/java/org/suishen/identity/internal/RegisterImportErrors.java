package org.suishen.identity.internal;

/** Stable codes of register imports: file-level failures and row-level reasons. */
final class RegisterImportErrors {

  static final String HEADER = "identity.import.header";
  static final String ENCODING = "identity.import.encoding";
  static final String FAILED = "identity.import.failed";
  static final String INTERRUPTED = "identity.import.interrupted";
  static final String NOT_FOUND = "identity.import.not-found";

  static final String MALFORMED_ROW = "identity.import.malformed-row";
  static final String NAME = "identity.import.name";
  static final String SEX = "identity.import.sex";
  static final String BIRTH_DATE = "identity.import.birth-date";
  static final String BIRTH_DATE_MISMATCH = "identity.import.birth-date-mismatch";
  static final String SEX_MISMATCH = "identity.import.sex-mismatch";
  static final String FIELD = "identity.import.field";
  static final String DISABILITY = "identity.import.disability";
  static final String DUPLICATE = "identity.import.duplicate";

  private RegisterImportErrors() {}
}
