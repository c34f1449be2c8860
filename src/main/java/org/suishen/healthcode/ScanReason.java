package org.suishen.healthcode;

/**
 * Why a scanned code was accepted or refused. The {@link #code()} strings are stable and part of
 * the public API (terminals switch on them).
 */
public enum ScanReason {
  /** Genuine, current, of an accepted type, for a known person. */
  OK("ok"),
  /** Past its expiry (plus the clock-skew tolerance): a screenshot or an old copy (H4). */
  EXPIRED("expired"),
  /** Its tag or signature does not match: forged or altered. */
  BAD_SIGNATURE("bad-signature"),
  /** Signed with a key id that is not (or no longer) valid. */
  UNKNOWN_KEY("unknown-key"),
  /** The person's code reference was withdrawn (e.g. after a device was lost). */
  REVOKED("revoked"),
  /** A genuine code of a type this scan does not accept (e.g. a paper code at a sentinel). */
  WRONG_CODE_TYPE("wrong-code-type"),
  /**
   * A genuine printed offline code where it is not accepted (a sentinel, O10): it needs a staff
   * check with the ID card.
   */
  OFFLINE_NEEDS_STAFF_CHECK("offline-needs-staff-check"),
  /** Not a Suishen code at all, or damaged. */
  MALFORMED("malformed"),
  /** Issued in the future by more than the clock-skew tolerance. */
  NOT_YET_VALID("not-yet-valid"),
  /** A genuine code whose person is no longer known. */
  UNKNOWN_PERSON("unknown-person");

  private final String code;

  ScanReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public boolean accepted() {
    return this == OK;
  }
}
