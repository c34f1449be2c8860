package org.suishen.appeals.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An evidence file's description, without its bytes: its SHA-256 stays after the retention rule
 * deleted the bytes ({@code purgedAt}), so the record still proves what was seen.
 */
public record EvidenceFile(
    UUID id,
    UUID appealId,
    int position,
    String fileName,
    EvidenceType type,
    int size,
    String sha256,
    @Nullable Instant purgedAt) {

  /** The bytes were deleted under the retention rule. */
  public boolean purged() {
    return purgedAt != null;
  }
}
