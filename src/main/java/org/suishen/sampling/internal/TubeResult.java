package org.suishen.sampling.internal;

/** What a lab found in a tube: invalid means the sample cannot be read and must be taken again. */
public enum TubeResult {
  NEGATIVE,
  POSITIVE,
  INVALID
}
