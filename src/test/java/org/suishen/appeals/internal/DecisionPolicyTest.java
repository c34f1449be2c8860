package org.suishen.appeals.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suishen.appeals.internal.Refusals.badInput;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.suishen.appeals.AppealKind;
import org.suishen.status.Colour;

class DecisionPolicyTest {

  static final Instant AT = Instant.parse("2022-04-02T03:00:00Z");
  static final String WANG = "staff:reviewer.wang";
  final DecisionPolicy policy = new DecisionPolicy(30, new PersonNamePolicy(10));

  Decision check(AppealKind kind, String outcome, String colour, String name, String reason) {
    return policy.check(new DecisionRequest(outcome, colour, name, reason), kind, WANG, AT);
  }

  @Test
  void upholdingAColourAppealNamesTheCorrectedColour() {
    Decision d = check(AppealKind.WRONG_COLOUR, "UPHELD", "GREEN", "王晓明", null);
    assertThat(d).isEqualTo(new Decision(Outcome.UPHELD, Colour.GREEN, null, null, WANG, AT));
    badInput(
        () -> check(AppealKind.WRONG_COLOUR, "UPHELD", null, null, "ok"),
        "appeals.decision.colour.required");
    badInput(
        () -> check(AppealKind.WRONG_COLOUR, "UPHELD", "BLUE", null, null),
        "appeals.decision.colour.invalid");
  }

  @Test
  void upholdingANameAppealNamesTheCorrectedName() {
    Decision d = check(AppealKind.WRONG_NAME, "upheld", "GREEN", " 王晓明 ", "已与派出所核实");
    assertThat(d).isEqualTo(new Decision(Outcome.UPHELD, null, "王晓明", "已与派出所核实", WANG, AT));
    badInput(
        () -> check(AppealKind.WRONG_NAME, "UPHELD", null, " ", null),
        "appeals.decision.name.required");
    badInput(
        () -> check(AppealKind.WRONG_NAME, "UPHELD", null, "王晓明#", null),
        "appeals.decision.name.invalid");
  }

  @Test
  void rejectingGivesThePersonAReason() {
    Decision d = check(AppealKind.WRONG_COLOUR, "REJECTED", "GREEN", null, "行程数据核实无误");
    assertThat(d).isEqualTo(new Decision(Outcome.REJECTED, null, null, "行程数据核实无误", WANG, AT));
    badInput(
        () -> check(AppealKind.WRONG_NAME, "REJECTED", null, null, "  "),
        "appeals.decision.reason.required");
    badInput(
        () -> check(AppealKind.WRONG_NAME, "REJECTED", null, null, "字".repeat(31)),
        "appeals.decision.reason.too-long");
  }

  @Test
  void refusesAnUnknownOutcome() {
    badInput(
        () -> check(AppealKind.WRONG_COLOUR, null, "GREEN", null, null),
        "appeals.decision.outcome.invalid");
    badInput(
        () -> check(AppealKind.WRONG_COLOUR, "MAYBE", "GREEN", null, null),
        "appeals.decision.outcome.invalid");
  }
}
