package org.suishen.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Reads of the audit trail by the people it is about (the data tracker, MISSION X1). */
public interface AuditReader {

  /**
   * Entries about these subjects by actors of these kinds ({@code staff}, {@code device}, ...),
   * occurred in {@code [from, to)}, newest first, at most {@code limit}.
   */
  List<AuditRecord> about(
      Collection<UUID> subjects, Set<String> actorKinds, Instant from, Instant to, int limit);
}
