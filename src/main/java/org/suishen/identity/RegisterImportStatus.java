package org.suishen.identity;

/** Where a population register import stands. */
public enum RegisterImportStatus {
  /** Being read or merged; nothing of it is visible in the register yet. */
  RUNNING,
  /** Merged: every valid row is in the register. */
  DONE,
  /** Stopped (bad encoding, server failure, restart): nothing of it reached the register. */
  FAILED
}
