package org.suishen.appeals.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suishen.appeals.internal.Refusals.badInput;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsultationPolicyTest {

  final ConsultationPolicy policy = new ConsultationPolicy(30, 10);
  final Appeal appeal = AppealTest.submitted(); // filed 2022-04-01T02:00:00Z
  final Instant now = Instant.parse("2022-04-02T09:00:00Z");

  Consultation check(String department, String question, String answer, Instant at) {
    return policy.check(
        new ConsultationRequest(department, question, answer, at), appeal, "staff:w", now);
  }

  @Test
  void recordsWhoWasAskedWhatAndWhen() {
    Instant at = Instant.parse("2022-04-02T08:30:00Z");
    Consultation note = check(" 区疾控中心 ", "是否仍在隔离期？", "已于3月28日解除隔离", at);
    assertThat(note.department()).isEqualTo("区疾控中心");
    assertThat(note.question()).isEqualTo("是否仍在隔离期？");
    assertThat(note.answer()).isEqualTo("已于3月28日解除隔离");
    assertThat(note.consultedAt()).isEqualTo(at);
    assertThat(note.recordedAt()).isEqualTo(now);
    assertThat(note.recordedBy()).isEqualTo("staff:w");
    assertThat(note.appealId()).isEqualTo(appeal.id());
  }

  @Test
  void aMissingTimeMeansNow() {
    assertThat(check("疾控", "问", "答", null).consultedAt()).isEqualTo(now);
  }

  @Test
  void refusesMissingOrOverlongParts() {
    badInput(() -> check(null, "问", "答", null), "appeals.note.department.required");
    badInput(() -> check("部".repeat(11), "问", "答", null), "appeals.note.department.too-long");
    badInput(() -> check("疾控", " ", "答", null), "appeals.note.question.required");
    badInput(() -> check("疾控", "问", "", null), "appeals.note.answer.required");
    badInput(() -> check("疾控", "问", "答".repeat(31), null), "appeals.note.answer.too-long");
  }

  @Test
  void refusesATimeInTheFutureOrBeforeTheAppeal() {
    badInput(() -> check("疾控", "问", "答", now.plusSeconds(60)), "appeals.note.time.future");
    badInput(
        () -> check("疾控", "问", "答", Instant.parse("2022-04-01T01:59:00Z")),
        "appeals.note.time.before-appeal");
    // the minute the appeal was filed in is fine (forms give minutes)
    assertThat(check("疾控", "问", "答", Instant.parse("2022-04-01T02:00:00Z"))).isNotNull();
  }
}
