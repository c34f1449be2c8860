package org.suishen.dependants.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.suishen.dependants.Binding;

/**
 * How long an uploaded household-register page is kept (MISSION X1: personal documents no longer
 * than needed; the figures are configuration, X3). A pending application keeps its page. Once
 * decided or ended, the page is kept
 *
 * <ul>
 *   <li>{@code approved} after the approval, while a reviewer might re-check the binding;
 *   <li>{@code rejected} after the rejection, while the holder sees the rejection and its reason
 *       (the holder may apply again at any time, with a new page);
 *   <li>{@code removed} after the end of a binding or the withdrawal of an application: nothing is
 *       left to check.
 * </ul>
 *
 * An approved binding that is removed later falls under the removal's rule, counted from the
 * removal.
 */
public record EvidenceRetention(Duration approved, Duration rejected, Duration removed) {

  public EvidenceRetention {
    if (approved.isNegative() || rejected.isNegative() || removed.isNegative()) {
      throw new IllegalArgumentException("evidence retention periods must not be negative");
    }
  }

  /** When the binding's page is due for deletion; empty while the application is pending. */
  public Optional<Instant> purgeDue(Binding binding) {
    return switch (binding.state()) {
      case PENDING -> Optional.empty();
      case APPROVED -> Optional.ofNullable(binding.approvedAt()).map(t -> t.plus(approved));
      case REJECTED -> Optional.ofNullable(binding.endedAt()).map(t -> t.plus(rejected));
      case REMOVED -> Optional.ofNullable(binding.endedAt()).map(t -> t.plus(removed));
    };
  }

  /** Whether the binding's page is to be deleted at {@code now}. */
  public boolean due(Binding binding, Instant now) {
    return purgeDue(binding).filter(due -> !due.isAfter(now)).isPresent();
  }

  /** The decision or end times on or before which pages are due at {@code now}, by state. */
  public Cutoffs cutoffs(Instant now) {
    return new Cutoffs(now.minus(approved), now.minus(rejected), now.minus(removed));
  }

  /** Pages are due for approvals, rejections and ends on or before these instants. */
  public record Cutoffs(Instant approvedBy, Instant rejectedBy, Instant removedBy) {}
}
