package org.suishen.appeals.internal;

/**
 * Where an appeal stands: {@code SUBMITTED -> IN_REVIEW -> UPHELD | REJECTED}; a reviewer may also
 * hand an appeal back ({@code IN_REVIEW -> SUBMITTED}) so that a colleague can take it.
 */
public enum AppealState {
  SUBMITTED,
  IN_REVIEW,
  UPHELD,
  REJECTED;

  /** Still waiting for an answer. */
  public boolean open() {
    return this == SUBMITTED || this == IN_REVIEW;
  }
}
