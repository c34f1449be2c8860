package org.suishen.status.internal.policy;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.suishen.status.Colour;

/**
 * The engine's answer for a person at an instant.
 *
 * @param since when the deciding condition began, if known
 * @param validUntil the next instant at which the answer may change by time alone (the status must
 *     be evaluated again then); {@code null} when only new facts can change it
 */
public record Verdict(
    Colour colour,
    String rule,
    String reason,
    String source,
    @Nullable Instant since,
    @Nullable Instant validUntil,
    boolean redeclareNotice) {

  /** Whether a stored status with these values says the same as this verdict. */
  public boolean sameAs(Colour colour, String rule, String reason, boolean redeclareNotice) {
    return this.colour == colour
        && this.rule.equals(rule)
        && this.reason.equals(reason)
        && this.redeclareNotice == redeclareNotice;
  }
}
