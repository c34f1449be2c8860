package org.suishen.healthcode.internal.scan;

import java.util.List;

/**
 * Decides a group of scans at once (who the codes name, their current colours) and says what to
 * record for each. Runs on a {@link ScanGroups} worker inside the transaction that records them.
 */
@FunctionalInterface
interface ScanDecider {

  /** One decided scan per job, in the same order. */
  List<DecidedScan> decide(List<ScanJob> group);

  /** The answer for the scanner and the row of the scan log that goes with it. */
  record DecidedScan(ScanDecision decision, ScanRecord record) {}
}
