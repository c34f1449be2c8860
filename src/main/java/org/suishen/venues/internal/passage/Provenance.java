package org.suishen.venues.internal.passage;

/**
 * How a passage came to be recorded. A sentinel or a staff check saw the person at the door; a
 * self-scan of the venue code is the person's own claim (a photo of a poster can be scanned from
 * anywhere), and trace queries say so.
 */
public enum Provenance {
  SENTINEL,
  STAFF_CHECK,
  SELF_SCAN
}
