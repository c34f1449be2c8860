package org.suishen.audit.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The scheduled verification of the hash chain (defaults in application.yaml).
 *
 * @param enabled off switch of the schedule (the job can still be run directly)
 * @param interval pause between two runs
 * @param initialDelay first run this long after start-up
 * @param entriesPerCheckpoint entries verified per transaction; a checkpoint is stored after each,
 *     so a run that stops (crash, restart) loses at most this much work
 * @param maxEntriesPerRun entries verified per run at most; a long backlog is worked off over
 *     several runs
 */
@ConfigurationProperties("suishen.audit.scheduled-verification")
public record ScheduledVerificationProperties(
    boolean enabled,
    Duration interval,
    Duration initialDelay,
    int entriesPerCheckpoint,
    long maxEntriesPerRun) {

  public ScheduledVerificationProperties {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("suishen.audit.scheduled-verification.interval > 0");
    }
    if (initialDelay.isNegative()) {
      throw new IllegalArgumentException("suishen.audit.scheduled-verification.initial-delay >= 0");
    }
    if (entriesPerCheckpoint < 1 || maxEntriesPerRun < 1) {
      throw new IllegalArgumentException(
          "suishen.audit.scheduled-verification: entries-per-checkpoint and max-entries-per-run"
              + " are 1 or more");
    }
  }
}
