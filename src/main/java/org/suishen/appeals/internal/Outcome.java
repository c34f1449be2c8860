package org.suishen.appeals.internal;

/** A reviewer's answer to an appeal. */
public enum Outcome {
  /** The person is right: the colour or name is corrected at once. */
  UPHELD,
  /** The record is right; the person is told why. */
  REJECTED;

  AppealState state() {
    return this == UPHELD ? AppealState.UPHELD : AppealState.REJECTED;
  }
}
