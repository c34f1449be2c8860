package org.suishen.dependants;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Who may act for whom (MISSION R1-R3). Proxy features (proxy code, NAT code for a dependant) ask
 * here first: a person without an approved binding gets no proxy (001 Q10, Q11).
 *
 * <p>Every proxy action must be audited with both people, through {@link ProxyAudit}: {@code
 * subject} = the dependant's person id and {@code detail} = the holder's person id, actor = the
 * citizen.
 */
public interface Dependants {

  /** Whether the holder has an approved, not removed binding to the dependant. */
  boolean isBound(UUID holderPersonId, UUID dependantPersonId);

  /**
   * Like {@link #isBound}, but refuses with {@code SuishenException} {@code dependants.not-bound}
   * (403) when there is no approved binding (none, pending, rejected or removed), or {@code
   * dependants.came-of-age} (403) for a minor binding of a dependant now of age.
   *
   * @return the standing binding (its id names it in records of what the holder did through it)
   */
  Binding requireBinding(UUID holderPersonId, UUID dependantPersonId);

  /**
   * Of these pairs, those for which {@link #isBound} holds, in one read: for checks of many at once
   * (the scan path checks the binding behind every proxy code a group of scans presents). A minor
   * binding is judged by the birth date copied at binding time here (the register is read only when
   * that copy says the dependant is of age).
   */
  Set<HolderAndDependant> standing(Collection<HolderAndDependant> pairs);

  /** The holder's current bindings (pending and approved), oldest first. */
  List<Binding> of(UUID holderPersonId);
}
