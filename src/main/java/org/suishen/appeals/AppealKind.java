package org.suishen.appeals;

/** What a person contests (MISSION H7; seed 004 §06, §09). */
public enum AppealKind {
  /** The code shows a colour that does not match the person's actual situation (004 §06). */
  WRONG_COLOUR,
  /** The code shows a name that differs from the person's identity document (004 §09). */
  WRONG_NAME,
  /**
   * Another account claimed the person's identity (身份被冒用, H1): filed from the appellant's own, not
   * yet registered account with evidence; upheld, the identity moves to that account.
   */
  IDENTITY_TAKEN
}
