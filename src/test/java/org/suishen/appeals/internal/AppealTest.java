package org.suishen.appeals.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suishen.appeals.internal.Refusals.conflict;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.suishen.appeals.AppealKind;
import org.suishen.status.Colour;

class AppealTest {

  static final Instant FILED = Instant.parse("2022-04-01T02:00:00Z");
  static final Instant LATER = FILED.plusSeconds(3600);
  static final String WANG = "staff:reviewer.wang";
  static final String LI = "staff:reviewer.li";

  static Appeal submitted() {
    return Appeal.file(
        UUID.randomUUID(),
        new Filing(AppealKind.WRONG_COLOUR, "未离开上海", Colour.GREEN, null, List.of()),
        Colour.YELLOW,
        FILED);
  }

  static Decision upheld(String reviewer) {
    return new Decision(Outcome.UPHELD, Colour.GREEN, null, null, reviewer, LATER);
  }

  @Test
  void aFiledAppealWaitsInTheQueue() {
    Appeal appeal = submitted();
    assertThat(appeal.state()).isEqualTo(AppealState.SUBMITTED);
    assertThat(appeal.state().open()).isTrue();
    assertThat(appeal.colourAtFiling()).isEqualTo(Colour.YELLOW);
    assertThat(appeal.submittedAt()).isEqualTo(FILED);
    assertThat(appeal.reviewer()).isNull();
  }

  @Test
  void aReviewerClaimsASubmittedAppeal() {
    Appeal claimed = submitted().claim(WANG, LATER);
    assertThat(claimed.state()).isEqualTo(AppealState.IN_REVIEW);
    assertThat(claimed.reviewer()).isEqualTo(WANG);
    assertThat(claimed.claimedAt()).isEqualTo(LATER);
  }

  @Test
  void claimingOnesOwnAppealAgainChangesNothing() {
    Appeal claimed = submitted().claim(WANG, LATER);
    assertThat(claimed.claim(WANG, LATER.plusSeconds(60))).isSameAs(claimed);
  }

  @Test
  void anAppealHeldByAnotherReviewerCannotBeClaimedNotedOrDecided() {
    Appeal claimed = submitted().claim(WANG, LATER);
    conflict(() -> claimed.claim(LI, LATER), "appeals.claimed-by-other");
    conflict(() -> claimed.requireHeldBy(LI), "appeals.claimed-by-other");
    conflict(() -> claimed.decide(upheld(LI), 1, 1), "appeals.claimed-by-other");
    conflict(() -> claimed.release(LI), "appeals.claimed-by-other");
  }

  @Test
  void anUnclaimedAppealCannotBeNotedDecidedOrReleased() {
    Appeal appeal = submitted();
    conflict(() -> appeal.requireHeldBy(WANG), "appeals.not-claimed");
    conflict(() -> appeal.decide(upheld(WANG), 1, 1), "appeals.not-claimed");
    conflict(() -> appeal.release(WANG), "appeals.not-claimed");
  }

  @Test
  void theHolderHandsTheAppealBackToTheQueue() {
    Appeal released = submitted().claim(WANG, LATER).release(WANG);
    assertThat(released.state()).isEqualTo(AppealState.SUBMITTED);
    assertThat(released.reviewer()).isNull();
    assertThat(released.claimedAt()).isNull();
    assertThat(released.claim(LI, LATER).reviewer()).isEqualTo(LI);
  }

  @Test
  void decidingNeedsTheConfiguredNumberOfConsultations() {
    Appeal claimed = submitted().claim(WANG, LATER);
    conflict(() -> claimed.decide(upheld(WANG), 0, 1), "appeals.decision.consult-first");
    conflict(() -> claimed.decide(upheld(WANG), 1, 2), "appeals.decision.consult-first");
    assertThat(claimed.decide(upheld(WANG), 0, 0).state()).isEqualTo(AppealState.UPHELD);
  }

  @Test
  void upholdingAndRejectingCloseTheAppeal() {
    Appeal claimed = submitted().claim(WANG, LATER);
    Appeal upheld = claimed.decide(upheld(WANG), 1, 1);
    assertThat(upheld.state()).isEqualTo(AppealState.UPHELD);
    assertThat(upheld.state().open()).isFalse();
    assertThat(upheld.decision()).isEqualTo(upheld(WANG));
    assertThat(upheld.reviewer()).isEqualTo(WANG);

    var rejection = new Decision(Outcome.REJECTED, null, null, "数据核实无误", WANG, LATER);
    Appeal rejected = claimed.decide(rejection, 1, 1);
    assertThat(rejected.state()).isEqualTo(AppealState.REJECTED);
    assertThat(rejected.decision().reason()).isEqualTo("数据核实无误");
  }

  @Test
  void aDecidedAppealCannotChangeAgain() {
    Appeal decided = submitted().claim(WANG, LATER).decide(upheld(WANG), 1, 1);
    conflict(() -> decided.claim(WANG, LATER), "appeals.already-decided");
    conflict(() -> decided.claim(LI, LATER), "appeals.already-decided");
    conflict(() -> decided.requireHeldBy(WANG), "appeals.already-decided");
    conflict(() -> decided.decide(upheld(WANG), 1, 1), "appeals.already-decided");
    conflict(() -> decided.release(WANG), "appeals.already-decided");
  }

  @Test
  void itsTextNeverShowsPersonalData() {
    Appeal appeal =
        Appeal.file(
            UUID.randomUUID(),
            new Filing(AppealKind.WRONG_NAME, "名字错了", null, "王晓明", List.of()),
            Colour.GREEN,
            FILED);
    assertThat(appeal.toString()).doesNotContain("王晓明").doesNotContain("名字错了");
  }
}
