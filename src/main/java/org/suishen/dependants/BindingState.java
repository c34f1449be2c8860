package org.suishen.dependants;

/** Where a binding stands. Only {@link #APPROVED} gives the holder a proxy. */
public enum BindingState {
  /** Waiting for a reviewer to look at the uploaded evidence. */
  PENDING,
  /** The holder may act for the dependant. */
  APPROVED,
  /** A reviewer refused the evidence (with a reason); the holder may apply again. */
  REJECTED,
  /** Withdrawn or removed by the holder or a reviewer; the holder may apply again. */
  REMOVED;

  /** Pending or approved: counts towards the holder's limit and blocks a duplicate application. */
  public boolean active() {
    return this == PENDING || this == APPROVED;
  }
}
