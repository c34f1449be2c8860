package org.suishen.declaration;

import java.util.UUID;

/**
 * A holder who may declare for a dependant now: their binding to the dependant stands.
 *
 * @param dependantMaskedName the dependant's name as the holder may see it (masked)
 */
public record Guardian(
    UUID holderPersonId, UUID bindingId, UUID dependantPersonId, String dependantMaskedName) {

  /** How a declaration made by this guardian is recorded. */
  public DeclaredBy declaredBy() {
    return new DeclaredBy(holderPersonId, bindingId);
  }
}
