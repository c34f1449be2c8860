package org.suishen.offlinecode;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.suishen.shared.security.Actor;

/**
 * Where a staff check of a valid paper code goes beyond the check itself: the venue side records it
 * as a passage of the venue the checker works at, decided with that venue's rule (O9, O11). The
 * offline-code context knows no venues; the venue context implements this.
 */
public interface PaperCheckPassages {

  /**
   * Records the passage and answers with the venue's verdict; empty when the checker works at no
   * venue (a sampler at a table).
   */
  Optional<VenueVerdict> record(UUID personId, Actor checker, Instant checkedAt);

  /** What the venue's rule decided, in the venue context's words. */
  record VenueVerdict(
      String venueName, boolean admitted, String reason, String messageZh, String messageEn) {}
}
