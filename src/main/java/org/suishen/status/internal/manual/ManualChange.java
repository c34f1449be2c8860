package org.suishen.status.internal.manual;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.status.Colour;

/** A proposed, approved or rejected manual colour change (or an upheld appeal's correction). */
public record ManualChange(
    UUID id,
    UUID personId,
    Kind kind,
    Colour colour,
    String reasonCode,
    String evidence,
    @Nullable String evidenceFile,
    @Nullable Instant validUntil,
    @Nullable UUID appealId,
    State state,
    String proposedBy,
    Instant proposedAt,
    @Nullable String decidedBy,
    @Nullable Instant decidedAt,
    @Nullable String decisionNote) {

  public enum Kind {
    MANUAL,
    APPEAL
  }

  public enum State {
    PROPOSED,
    APPROVED,
    REJECTED
  }
}
