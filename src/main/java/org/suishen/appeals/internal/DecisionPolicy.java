package org.suishen.appeals.internal;

import java.time.Instant;
import java.util.Locale;
import org.suishen.appeals.AppealKind;
import org.suishen.shared.problem.SuishenException;
import org.suishen.status.Colour;

/**
 * What a decision must carry: upholding a colour appeal names the corrected colour, upholding a
 * name appeal the corrected name (as on the identity document), rejecting gives the person a
 * reason. A correction that does not belong to the outcome and kind is ignored.
 */
public final class DecisionPolicy {

  private final int textMaxLength;
  private final PersonNamePolicy names;

  public DecisionPolicy(int textMaxLength, PersonNamePolicy names) {
    this.textMaxLength = textMaxLength;
    this.names = names;
  }

  public Decision check(DecisionRequest request, AppealKind kind, String reviewer, Instant at) {
    Outcome outcome = outcome(request.outcome());
    String reason =
        FreeText.optional(request.reason(), textMaxLength, "appeals.decision.reason").orElse(null);
    if (outcome == Outcome.REJECTED) {
      if (reason == null) {
        throw SuishenException.badInput("appeals.decision.reason.required");
      }
      return new Decision(outcome, null, null, reason, reviewer, at);
    }
    if (kind == AppealKind.IDENTITY_TAKEN) {
      // upheld: the identity moves to the appellant's account; nothing to correct
      return new Decision(outcome, null, null, reason, reviewer, at);
    }
    if (kind == AppealKind.WRONG_COLOUR) {
      Colour colour =
          FilingPolicy.colour(request.correctedColour(), "appeals.decision.colour.invalid");
      if (colour == null) {
        throw SuishenException.badInput("appeals.decision.colour.required");
      }
      return new Decision(outcome, colour, null, reason, reviewer, at);
    }
    String name = names.check(request.correctedName(), "appeals.decision.name");
    return new Decision(outcome, null, name, reason, reviewer, at);
  }

  private static Outcome outcome(String raw) {
    if (raw != null) {
      try {
        return Outcome.valueOf(raw.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // refused below
      }
    }
    throw SuishenException.badInput("appeals.decision.outcome.invalid");
  }
}
