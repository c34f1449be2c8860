package org.suishen.healthcode.internal.scan;

/** A scan whose record could not be committed (queue full, database failure, timeout). */
public final class ScanNotRecorded extends RuntimeException {

  private final boolean busy;

  ScanNotRecorded(String why, boolean busy, Throwable cause) {
    super(why, cause);
    this.busy = busy;
  }

  /** True when refused up front because too many scans are waiting (shed load). */
  public boolean busy() {
    return busy;
  }
}
