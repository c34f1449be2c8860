package org.suishen.dependants;

import java.util.List;
import java.util.UUID;

/**
 * Who may act for whom (MISSION R1-R3). Proxy features (proxy code, NAT code for a dependant) ask
 * here first: a person without an approved binding gets no proxy (001 Q10, Q11).
 *
 * <p>Every proxy action must be audited with both people: {@code AuditEvent} with {@code subject} =
 * the dependant's person id and {@code detail} = the holder's person id, actor = the citizen.
 */
public interface Dependants {

  /** Whether the holder has an approved, not removed binding to the dependant. */
  boolean isBound(UUID holderPersonId, UUID dependantPersonId);

  /**
   * Like {@link #isBound}, but refuses with {@code SuishenException} {@code dependants.not-bound}
   * (403) when there is no approved binding.
   */
  void requireBinding(UUID holderPersonId, UUID dependantPersonId);

  /** The holder's current bindings (pending and approved), oldest first. */
  List<Binding> of(UUID holderPersonId);
}
