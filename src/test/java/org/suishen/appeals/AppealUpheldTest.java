package org.suishen.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.suishen.shared.security.Actor;
import org.suishen.status.Colour;

class AppealUpheldTest {

  final UUID appeal = UUID.randomUUID();
  final UUID person = UUID.randomUUID();
  final Actor reviewer = Actor.staff("reviewer.wang");
  final Instant at = Instant.parse("2022-04-02T03:00:00Z");

  @Test
  void carriesExactlyTheCorrectionOfItsKind() {
    var colour =
        new AppealUpheld(appeal, person, AppealKind.WRONG_COLOUR, Colour.GREEN, null, reviewer, at);
    assertThat(colour.correctedColour()).isEqualTo(Colour.GREEN);
    var name = new AppealUpheld(appeal, person, AppealKind.WRONG_NAME, null, "王晓明", reviewer, at);
    assertThat(name.correctedName()).isEqualTo("王晓明");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new AppealUpheld(
                    appeal, person, AppealKind.WRONG_COLOUR, null, null, reviewer, at));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new AppealUpheld(
                    appeal, person, AppealKind.WRONG_NAME, Colour.RED, "王晓明", reviewer, at));
  }

  @Test
  void neverLogsTheName() {
    var name = new AppealUpheld(appeal, person, AppealKind.WRONG_NAME, null, "王晓明", reviewer, at);
    assertThat(name.toString()).doesNotContain("王晓明").contains(appeal.toString());
  }
}
