package org.suishen.status;

/** The colour of a health code (MISSION H2). */
public enum Colour {
  GREEN,
  YELLOW,
  RED
}
