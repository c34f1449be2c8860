package org.suishen.healthcode;

import java.util.UUID;

/**
 * The opaque references that codes carry instead of a person's identity: random, one current
 * reference per person, never derived from identity data.
 */
public interface CodeSubjects {

  /** The person's current reference, created on first use. */
  UUID referenceOf(UUID personId);

  /**
   * Withdraws the person's current reference, so that every code issued so far is refused as {@code
   * revoked}; the next code gets a new reference. Returns the new reference.
   */
  UUID renew(UUID personId);
}
