package org.suishen.citizen.internal;

/** What a one-time code was sent for; a code only works for its own purpose. */
public enum CodePurpose {
  /** Logging in (and creating the account on the first login). */
  LOGIN,
  /** Confirming a new phone number for a registered account (MISSION H8). */
  PHONE_REBIND
}
