package org.suishen.dependants;

/** Why a binding was removed ({@link BindingState#REMOVED}). */
public enum RemovalCause {
  /** The holder withdrew the application or removed the binding. */
  HOLDER,
  /** A reviewer removed it (with a reason the holder sees). */
  REVIEWER,
  /**
   * The dependant came of age: the binding rested only on their being a minor, and they turned 18
   * (the configured minor-age limit). Ended by the daily coming-of-age job.
   */
  CAME_OF_AGE
}
