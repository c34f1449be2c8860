package org.suishen.status.internal.policy;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A medical-management order: in force from {@code startsAt} until {@code endsAt} (discharge,
 * exclusion or release; open while {@code null}).
 *
 * @param recordedAt when the engine last learned something new about the order
 */
public record MedicalOrder(
    String orderId,
    OrderKind kind,
    Instant startsAt,
    @Nullable Instant endsAt,
    String source,
    Instant recordedAt) {

  public boolean inForceAt(Instant now) {
    return !startsAt.isAfter(now) && (endsAt == null || now.isBefore(endsAt));
  }

  public boolean endedBy(Instant now) {
    return endsAt != null && !endsAt.isAfter(now);
  }
}
