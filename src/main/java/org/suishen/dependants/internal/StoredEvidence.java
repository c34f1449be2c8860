package org.suishen.dependants.internal;

import java.time.Instant;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * An uploaded page as stored, without its bytes: its format, its SHA-256 (kept after the page is
 * deleted, so the record still proves what was seen) and when the retention rule deleted it.
 */
public record StoredEvidence(EvidenceFormat format, String sha256, @Nullable Instant purgedAt) {

  static StoredEvidence of(EvidenceFormat format, byte[] sha256, @Nullable Instant purgedAt) {
    return new StoredEvidence(format, HexFormat.of().formatHex(sha256), purgedAt);
  }

  public boolean purged() {
    return purgedAt != null;
  }
}
