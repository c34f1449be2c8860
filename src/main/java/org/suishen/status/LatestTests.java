package org.suishen.status;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A person's latest sampling time and latest negative result, for the rules of other contexts ("a
 * negative result within 48 h", "a sample taken within 24 h": venue rules, staff checks).
 */
public interface LatestTests {

  /**
   * @param sampledAt the latest sample given, if any
   * @param negativeSampledAt the sampling time of the latest negative result, if any
   * @param negativeReportedAt when that negative result was reported
   */
  record Latest(
      @Nullable Instant sampledAt,
      @Nullable Instant negativeSampledAt,
      @Nullable Instant negativeReportedAt) {}

  /** Nothing when the person was never sampled. */
  Optional<Latest> of(UUID personId);

  /**
   * The latest tests of several people in one read (a venue's group of passages); people never
   * sampled have no entry.
   */
  java.util.Map<UUID, Latest> ofAll(java.util.Collection<UUID> personIds);
}
