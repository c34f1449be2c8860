package org.suishen.dependants;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A family member (the holder) bound to a dependant. People are referred to by their opaque person
 * ids from the population register.
 *
 * @param kind why the dependant could be bound, on the day of the application
 * @param relationship who the dependant is to the holder, as the holder stated it; {@code null} for
 *     bindings applied for before it was asked (V24_5)
 * @param approvedAt when the binding took effect; {@code null} while pending or if rejected
 * @param endedAt when it was rejected or removed; {@code null} while pending or approved
 * @param reason the reviewer's reason for a decision or a removal, if any (shown to the holder)
 * @param removalCause why a removed binding ended; {@code null} unless removed
 */
public record Binding(
    UUID id,
    UUID holder,
    UUID dependant,
    DependantKind kind,
    @Nullable Relationship relationship,
    Evidence evidence,
    BindingState state,
    Instant requestedAt,
    @Nullable Instant approvedAt,
    @Nullable Instant endedAt,
    @Nullable String reason,
    @Nullable RemovalCause removalCause) {

  /** Approved and not removed: the holder may act for the dependant. */
  public boolean bound() {
    return state == BindingState.APPROVED;
  }

  /** Ended because the dependant came of age (and nothing else justified it). */
  public boolean cameOfAge() {
    return state == BindingState.REMOVED && removalCause == RemovalCause.CAME_OF_AGE;
  }
}
