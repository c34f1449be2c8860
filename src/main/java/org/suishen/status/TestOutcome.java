package org.suishen.status;

/** What a lab found in a tube, as far as a person's status is concerned. */
public enum TestOutcome {
  NEGATIVE,
  POSITIVE
}
