package org.suishen.appeals;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.shared.security.Actor;
import org.suishen.status.Colour;

/**
 * A reviewer upheld an appeal: the person's colour or name must be corrected at once, through the
 * same audited path as any manual change. Published in the transaction that records the decision;
 * listeners ({@code @ApplicationModuleListener}) run after it commits and may see the same event
 * again after a restart, so they must be idempotent on {@code appealId}.
 *
 * @param correctedColour set exactly when {@code kind} is {@link AppealKind#WRONG_COLOUR}
 * @param correctedName set exactly when {@code kind} is {@link AppealKind#WRONG_NAME}: the name as
 *     on the person's identity document, trimmed, inner spaces collapsed
 * @param reviewer the reviewer who decided, for the listeners' audit entries
 * @param at when the decision was taken; the correction takes effect from this instant
 */
public record AppealUpheld(
    UUID appealId,
    UUID personId,
    AppealKind kind,
    @Nullable Colour correctedColour,
    @Nullable String correctedName,
    Actor reviewer,
    Instant at) {

  public AppealUpheld {
    if ((kind == AppealKind.WRONG_COLOUR) != (correctedColour != null)
        || (kind == AppealKind.WRONG_NAME) != (correctedName != null)) {
      throw new IllegalArgumentException("an upheld " + kind + " appeal carries exactly its fix");
    }
  }

  @Override
  public String toString() {
    // never a name in a log line
    return "AppealUpheld[" + appealId + ", person " + personId + ", " + kind + "]";
  }
}
