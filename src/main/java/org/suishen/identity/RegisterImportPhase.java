package org.suishen.identity;

/** The step a running import is at, for the progress display. */
public enum RegisterImportPhase {
  /** Accepted, about to start. */
  QUEUED,
  /** Reading and checking rows and loading the valid ones into a staging table. */
  READING,
  /** Merging the staging table into the register, in one transaction. */
  MERGING,
  /** Done or failed. */
  FINISHED
}
