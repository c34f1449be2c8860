package org.suishen.declaration;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A holder who may declare for a dependant now: their binding to the dependant stands.
 *
 * @param dependantMaskedName the dependant's name as the holder may see it (masked)
 * @param relationshipMessageKey the message key of who the dependant is to the holder, as stated
 *     when binding (e.g. {@code dependants.relationship.CHILD}; the dependants context, which
 *     implements {@link Guardians}, owns the list); {@code null} for bindings applied for before it
 *     was asked. A key, not the dependants' type, so that this context does not depend on that one.
 */
public record Guardian(
    UUID holderPersonId,
    UUID bindingId,
    UUID dependantPersonId,
    String dependantMaskedName,
    @Nullable String relationshipMessageKey) {

  /** How a declaration made by this guardian is recorded. */
  public DeclaredBy declaredBy() {
    return new DeclaredBy(holderPersonId, bindingId);
  }
}
