package org.suishen.status.internal.policy;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An approved manual colour (or an upheld appeal's correction). From {@code decidedAt} until {@code
 * validUntil} (open when {@code null}) it replaces what the rules would say on the facts known when
 * it was decided; facts recorded afterwards still count, and a more severe colour from them wins.
 *
 * @param source {@code manual} or {@code appeal}
 * @param reason the configured reason code, e.g. {@code manual.data-correction}
 */
public record ManualOverride(
    UUID changeId,
    org.suishen.status.Colour colour,
    String reason,
    String source,
    Instant decidedAt,
    @Nullable Instant validUntil) {

  public boolean inForceAt(Instant now) {
    return !decidedAt.isAfter(now) && (validUntil == null || now.isBefore(validUntil));
  }
}
