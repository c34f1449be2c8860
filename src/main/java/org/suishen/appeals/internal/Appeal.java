package org.suishen.appeals.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.appeals.AppealKind;
import org.suishen.shared.problem.SuishenException;
import org.suishen.status.Colour;

/**
 * An appeal and its state machine. Every transition returns a new value or refuses with a stable
 * error code; nothing here touches the database.
 *
 * @param believedColour the colour the person believes correct (colour appeals, optional)
 * @param correctedName the name as on the person's identity document, to correct the registered one
 *     to (name appeals)
 * @param colourAtFiling the colour the person's code showed when they filed
 * @param appellantAccount identity appeals: the account that filed it and is to hold the identity
 * @param reviewer who claimed the appeal ({@code staff:wang.li}), while in review and after
 */
public record Appeal(
    UUID id,
    UUID personId,
    @Nullable UUID appellantAccount,
    AppealKind kind,
    AppealState state,
    String text,
    @Nullable Colour believedColour,
    @Nullable String correctedName,
    Colour colourAtFiling,
    Instant submittedAt,
    @Nullable String reviewer,
    @Nullable Instant claimedAt,
    @Nullable Decision decision) {

  /** A new appeal, waiting in the queue. */
  public static Appeal file(UUID personId, Filing filing, Colour colourNow, Instant at) {
    return file(personId, null, filing, colourNow, at);
  }

  /** A new identity appeal from {@code appellantAccount}, for the person its filing matched. */
  public static Appeal file(
      UUID personId, @Nullable UUID appellantAccount, Filing filing, Colour colourNow, Instant at) {
    return new Appeal(
        UUID.randomUUID(),
        personId,
        appellantAccount,
        filing.kind(),
        AppealState.SUBMITTED,
        filing.text(),
        filing.believedColour(),
        filing.correctedName(),
        colourNow,
        at,
        null,
        null,
        null);
  }

  /**
   * A reviewer takes the appeal. Claiming one's own appeal again changes nothing; an appeal another
   * reviewer holds, or one already answered, is refused.
   */
  public Appeal claim(String reviewer, Instant at) {
    refuseIfDecided();
    if (state == AppealState.IN_REVIEW) {
      if (reviewer.equals(this.reviewer)) {
        return this;
      }
      throw SuishenException.conflict("appeals.claimed-by-other");
    }
    return with(AppealState.IN_REVIEW, reviewer, at, null);
  }

  /** The reviewer who holds the appeal hands it back to the queue. */
  public Appeal release(String reviewer) {
    requireHeldBy(reviewer);
    return with(AppealState.SUBMITTED, null, null, null);
  }

  /** Refuses unless {@code reviewer} holds the appeal in review (to record notes or decide). */
  public void requireHeldBy(String reviewer) {
    refuseIfDecided();
    if (state != AppealState.IN_REVIEW) {
      throw SuishenException.conflict("appeals.not-claimed");
    }
    if (!reviewer.equals(this.reviewer)) {
      throw SuishenException.conflict("appeals.claimed-by-other");
    }
  }

  /**
   * The reviewer answers the appeal, after at least {@code minimumConsultations} consultations with
   * the departments concerned.
   */
  public Appeal decide(Decision decision, int consultations, int minimumConsultations) {
    requireHeldBy(decision.decidedBy());
    if (consultations < minimumConsultations) {
      throw SuishenException.conflict(
          "appeals.decision.consult-first", String.valueOf(minimumConsultations));
    }
    return with(decision.outcome().state(), reviewer, claimedAt, decision);
  }

  private void refuseIfDecided() {
    if (!state.open()) {
      throw SuishenException.conflict("appeals.already-decided");
    }
  }

  private Appeal with(
      AppealState state,
      @Nullable String reviewer,
      @Nullable Instant claimedAt,
      @Nullable Decision decision) {
    return new Appeal(
        id,
        personId,
        appellantAccount,
        kind,
        state,
        text,
        believedColour,
        correctedName,
        colourAtFiling,
        submittedAt,
        reviewer,
        claimedAt,
        decision);
  }

  /**
   * Whether the citizen may see it: their own colour or name appeal, or an identity appeal they
   * filed.
   */
  public boolean visibleTo(UUID accountId, @Nullable UUID personId) {
    return kind == AppealKind.IDENTITY_TAKEN
        ? accountId.equals(appellantAccount)
        : this.personId.equals(personId);
  }

  @Override
  public String toString() {
    return "Appeal[" + id + ", " + kind + ", " + state + "]";
  }
}
