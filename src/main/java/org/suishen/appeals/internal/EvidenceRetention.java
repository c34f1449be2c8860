package org.suishen.appeals.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How long the evidence files of an appeal are kept (MISSION X1: personal documents no longer than
 * needed; the figure is configuration, X3). An open appeal keeps its files; a decided one keeps
 * them for {@code afterDecision} after the answer — long enough for the person to contest the
 * answer before an administrative court (six months) — and then they are deleted. The appeal, its
 * answer and each file's name, type, size and SHA-256 stay.
 */
public record EvidenceRetention(Duration afterDecision) {

  public EvidenceRetention {
    if (afterDecision.isNegative()) {
      throw new IllegalArgumentException("evidence retention must not be negative");
    }
  }

  /** When the appeal's files are due for deletion; empty while the appeal is open. */
  public Optional<Instant> purgeDue(AppealState state, @Nullable Instant decidedAt) {
    if (state.open() || decidedAt == null) {
      return Optional.empty();
    }
    return Optional.of(decidedAt.plus(afterDecision));
  }

  /** Whether the appeal's files are to be deleted at {@code now}. */
  public boolean due(AppealState state, @Nullable Instant decidedAt, Instant now) {
    return purgeDue(state, decidedAt).filter(due -> !due.isAfter(now)).isPresent();
  }

  /** Files of appeals decided on or before this instant are due at {@code now}. */
  public Instant decidedBy(Instant now) {
    return now.minus(afterDecision);
  }
}
