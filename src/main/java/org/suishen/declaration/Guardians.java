package org.suishen.declaration;

import java.util.UUID;

/**
 * Who may declare for a person besides the person: the holder of a standing binding to them. The
 * bindings are the dependants context's, which implements this (so that context depends on this
 * one, not the other way round). Asked before anything of the dependant is read or written.
 */
public interface Guardians {

  /**
   * The holder as guardian of the dependant; refuses with a {@code SuishenException} (403, e.g.
   * {@code dependants.not-bound}) when the holder's binding is pending, rejected, removed, ended or
   * was never made.
   */
  Guardian requireGuardian(UUID holderPersonId, UUID dependantPersonId);
}
