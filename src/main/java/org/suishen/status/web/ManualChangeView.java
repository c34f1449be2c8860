package org.suishen.status.web;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.status.internal.manual.ManualChange;

/** A manual change as the authority sees it. */
record ManualChangeView(
    UUID id,
    UUID personId,
    String kind,
    String colour,
    String reasonCode,
    StatusTexts.Bilingual reasonText,
    String evidence,
    @Nullable String evidenceFile,
    @Nullable Instant validUntil,
    @Nullable UUID appealId,
    String state,
    String proposedBy,
    Instant proposedAt,
    @Nullable String decidedBy,
    @Nullable Instant decidedAt,
    @Nullable String decisionNote) {

  static ManualChangeView of(ManualChange c, StatusTexts texts) {
    String prefix = c.kind() == ManualChange.Kind.APPEAL ? "appeal." : "manual.";
    return new ManualChangeView(
        c.id(),
        c.personId(),
        c.kind().name(),
        c.colour().name(),
        c.reasonCode(),
        texts.reason(prefix + c.reasonCode()),
        c.evidence(),
        c.evidenceFile(),
        c.validUntil(),
        c.appealId(),
        c.state().name(),
        c.proposedBy(),
        c.proposedAt(),
        c.decidedBy(),
        c.decidedAt(),
        c.decisionNote());
  }
}
