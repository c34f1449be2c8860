package org.suishen.appeals;

/** What a person contests (MISSION H7; seed 004 §06, §09). */
public enum AppealKind {
  /** The code shows a colour that does not match the person's actual situation (004 §06). */
  WRONG_COLOUR,
  /** The code shows a name that differs from the person's identity document (004 §09). */
  WRONG_NAME
}
