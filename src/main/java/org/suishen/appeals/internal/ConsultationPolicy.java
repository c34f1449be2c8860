package org.suishen.appeals.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.suishen.shared.problem.SuishenException;

/**
 * What a consultation note must hold: the department, the question and the answer, and a time that
 * is neither in the future nor before the appeal was filed (to the minute, as a form gives it).
 */
public final class ConsultationPolicy {

  private final int textMaxLength;
  private final int departmentMaxLength;

  public ConsultationPolicy(int textMaxLength, int departmentMaxLength) {
    this.textMaxLength = textMaxLength;
    this.departmentMaxLength = departmentMaxLength;
  }

  public Consultation check(
      ConsultationRequest request, Appeal appeal, String reviewer, Instant now) {
    String department =
        FreeText.required(request.department(), departmentMaxLength, "appeals.note.department");
    String question = FreeText.required(request.question(), textMaxLength, "appeals.note.question");
    String answer = FreeText.required(request.answer(), textMaxLength, "appeals.note.answer");
    Instant at = request.consultedAt() == null ? now : request.consultedAt();
    if (at.isAfter(now)) {
      throw SuishenException.badInput("appeals.note.time.future");
    }
    if (at.isBefore(appeal.submittedAt().truncatedTo(ChronoUnit.MINUTES))) {
      throw SuishenException.badInput("appeals.note.time.before-appeal");
    }
    return new Consultation(
        UUID.randomUUID(), appeal.id(), department, question, answer, at, reviewer, now);
  }
}
