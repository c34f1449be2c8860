package org.suishen.venues.internal.rule;

import org.suishen.healthcode.ScanReason;

/**
 * Why a door admitted or refused someone. The {@link #code()} strings are stable and part of the
 * API (sentinels switch on them); the code reasons are the scan's own.
 */
public enum DoorReason {
  ADMITTED("admitted"),
  /** Admitted by a sentinel that could not reach the centre, from an ID card (venue setting). */
  ADMITTED_FLAGGED("admitted-flagged"),
  COLOUR_NOT_ADMITTED("colour-not-admitted"),
  NO_RECENT_TEST("no-recent-test"),
  FEVER("fever"),
  /** An ID card whose number and name are not in the register together. */
  ID_CARD_NOT_MATCHED("id-card-not-matched"),
  /** An ID card at a sentinel that could not reach the centre, where the venue refuses them. */
  ID_CARD_OFFLINE("id-card-offline"),
  EXPIRED("expired"),
  INVALID("invalid"),
  REVOKED("revoked"),
  WRONG_CODE_TYPE("wrong-code-type"),
  OFFLINE_NEEDS_STAFF_CHECK("offline-needs-staff-check"),
  NOT_YET_VALID("not-yet-valid"),
  UNKNOWN_PERSON("unknown-person");

  private final String code;

  DoorReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public boolean admitted() {
    return this == ADMITTED || this == ADMITTED_FLAGGED;
  }

  /** The door's reason for a code the scan refused. */
  public static DoorReason of(ScanReason refused) {
    return switch (refused) {
      case OK -> ADMITTED;
      case EXPIRED -> EXPIRED;
      case BAD_SIGNATURE, UNKNOWN_KEY, MALFORMED -> INVALID;
      case REVOKED -> REVOKED;
      case WRONG_CODE_TYPE -> WRONG_CODE_TYPE;
      case OFFLINE_NEEDS_STAFF_CHECK -> OFFLINE_NEEDS_STAFF_CHECK;
      case NOT_YET_VALID -> NOT_YET_VALID;
      case UNKNOWN_PERSON -> UNKNOWN_PERSON;
    };
  }

  /** The reason with this code, for a decision a device made offline; null if none. */
  public static @org.jspecify.annotations.Nullable DoorReason parse(
      @org.jspecify.annotations.Nullable String code) {
    for (DoorReason reason : values()) {
      if (reason.code.equals(code)) {
        return reason;
      }
    }
    return null;
  }
}
