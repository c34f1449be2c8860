package org.suishen.appeals.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.appeals.internal.AppealReview;
import org.suishen.appeals.internal.Consultation;
import org.suishen.appeals.internal.ConsultationRequest;
import org.suishen.appeals.internal.DecisionRequest;
import org.suishen.appeals.internal.HistoryQuery;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.security.Actor;
import org.suishen.shared.security.CurrentActor;

/**
 * The reviewers' API (role APPEAL_REVIEWER): queue, decided appeals, case, claim, consultations,
 * decision.
 */
@RestController
@RequestMapping("/api/review/appeals")
@Tag(name = "Appeal review", description = "The reviewers' queue, cases and decisions (H7)")
class ReviewAppealsApi {

  private final AppealReview review;
  private final Clock clock;

  ReviewAppealsApi(AppealReview review, Clock clock) {
    this.review = review;
    this.clock = clock;
  }

  @GetMapping
  @Operation(
      summary = "The queue of open appeals",
      description =
          "Oldest first, each with how long it has waited; no personal data, so listing it reads"
              + " nobody's data.")
  ReviewJson.Queue queue() {
    return ReviewJson.Queue.of(review.queue());
  }

  @GetMapping("/decided")
  @Operation(
      summary = "Decided appeals, newest decision first",
      description =
          "Upheld and rejected appeals, a page at a time: pass the answer's next as before."
              + " outcome: UPHELD or REJECTED (default both); mine=true: only those the caller"
              + " decided. Each entry names the person masked, so each is a read audited for its"
              + " person (appeals.appeal.listed); the appeal itself is GET /api/review/appeals/{id}.")
  @Refusal(status = 400, code = "appeals.history.outcome-invalid")
  @Refusal(status = 400, code = "appeals.history.before-invalid")
  @Refusal(status = 400, code = "appeals.history.limit-invalid")
  ReviewJson.History decided(
      @Parameter(
              description = "Only this outcome: UPHELD or REJECTED; absent: both",
              example = "REJECTED")
          @RequestParam(required = false)
          @Nullable String outcome,
      @Parameter(description = "Only the appeals the caller decided", example = "true")
          @RequestParam(defaultValue = "false")
          boolean mine,
      @Parameter(
              description = "The next of the previous page",
              example = "1775721600000000.3f2b8c1e-7a4d-4e2b-9c1f-5d6e7f8a9b0c")
          @RequestParam(required = false)
          @Nullable String before,
      @Parameter(description = "Appeals per page, 1 to 100 (default 50)", example = "50")
          @RequestParam(required = false)
          @Nullable Integer limit) {
    Actor reviewer = CurrentActor.get();
    return ReviewJson.History.of(
        review.history(HistoryQuery.parse(outcome, mine, before, limit, reviewer), reviewer));
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "An appeal with everything needed to decide it",
      description =
          "The person masked (the registered name in full on a name appeal only), their current"
              + " status, the consultation notes and the evidence files. The read is audited"
              + " (appeals.appeal.read).")
  @Refusal(status = 404, code = "appeals.not-found")
  ReviewJson.Case open(@PathVariable UUID id) {
    return ReviewJson.Case.of(review.open(id, CurrentActor.get()), Instant.now(clock));
  }

  @PostMapping("/{id}/claim")
  @Operation(
      summary = "Take up an appeal",
      description =
          "SUBMITTED -> IN_REVIEW. Taking up one's own appeal again changes nothing. Audited.")
  @Refusal(status = 404, code = "appeals.not-found")
  @Refusal(status = 409, code = "appeals.claimed-by-other")
  @Refusal(status = 409, code = "appeals.already-decided")
  ReviewJson.State claim(@PathVariable UUID id) {
    return ReviewJson.State.of(review.claim(id, CurrentActor.get()));
  }

  @PostMapping("/{id}/release")
  @Operation(
      summary = "Hand an appeal back to the queue",
      description = "IN_REVIEW -> SUBMITTED, by the reviewer who holds it. Audited.")
  @Refusal(status = 404, code = "appeals.not-found")
  @Refusal(status = 409, code = "appeals.not-claimed")
  @Refusal(status = 409, code = "appeals.claimed-by-other")
  @Refusal(status = 409, code = "appeals.already-decided")
  ReviewJson.State release(@PathVariable UUID id) {
    return ReviewJson.State.of(review.release(id, CurrentActor.get()));
  }

  /** Records a consultation: {@code {department, question, answer, consultedAt?}}. */
  @PostMapping("/{id}/notes")
  @Operation(
      summary = "Record a consultation with a department concerned",
      description =
          "By the reviewer who holds the appeal; kept with it, never shown to the person. 201"
              + " with the note. Audited.")
  @ApiResponse(responseCode = "201", description = "The note")
  @Refusal(status = 400, code = "appeals.note.department.required")
  @Refusal(status = 400, code = "appeals.note.department.too-long")
  @Refusal(status = 400, code = "appeals.note.question.required")
  @Refusal(status = 400, code = "appeals.note.question.too-long")
  @Refusal(status = 400, code = "appeals.note.answer.required")
  @Refusal(status = 400, code = "appeals.note.answer.too-long")
  @Refusal(status = 400, code = "appeals.note.time.future")
  @Refusal(status = 400, code = "appeals.note.time.before-appeal")
  @Refusal(status = 404, code = "appeals.not-found")
  @Refusal(status = 409, code = "appeals.not-claimed")
  @Refusal(status = 409, code = "appeals.claimed-by-other")
  @Refusal(status = 409, code = "appeals.already-decided")
  ResponseEntity<Consultation> note(
      @PathVariable UUID id, @RequestBody ConsultationRequest request) {
    var note = review.consult(id, CurrentActor.get(), request);
    return ResponseEntity.created(URI.create("/api/review/appeals/" + id)).body(note);
  }

  /** Decides: {@code {outcome: UPHELD|REJECTED, correctedColour?, correctedName?, reason?}}. */
  @PostMapping("/{id}/decision")
  @Operation(
      summary = "Decide an appeal",
      description =
          "IN_REVIEW -> UPHELD or REJECTED, by the reviewer who holds it, after"
              + " suishen.appeals.minimum-consultations consultations. Upholding corrects the"
              + " colour or the name at once; the person sees the answer. Audited.")
  @Refusal(status = 400, code = "appeals.decision.outcome.invalid")
  @Refusal(status = 400, code = "appeals.decision.reason.required")
  @Refusal(status = 400, code = "appeals.decision.reason.too-long")
  @Refusal(status = 400, code = "appeals.decision.colour.invalid")
  @Refusal(status = 400, code = "appeals.decision.colour.required")
  @Refusal(status = 400, code = "appeals.decision.name.required")
  @Refusal(status = 400, code = "appeals.decision.name.too-long")
  @Refusal(status = 400, code = "appeals.decision.name.invalid")
  @Refusal(status = 404, code = "appeals.not-found")
  @Refusal(status = 409, code = "appeals.not-claimed")
  @Refusal(status = 409, code = "appeals.claimed-by-other")
  @Refusal(status = 409, code = "appeals.already-decided")
  @Refusal(status = 409, code = "appeals.decision.consult-first")
  ReviewJson.State decide(@PathVariable UUID id, @RequestBody DecisionRequest request) {
    return ReviewJson.State.of(review.decide(id, CurrentActor.get(), request));
  }

  @GetMapping("/{id}/evidence/{fileId}")
  @Operation(
      summary = "An evidence file of an appeal",
      description =
          "The bytes as uploaded, of the type recognised at upload: images inline, PDFs as a"
              + " download. Never cached. The read is audited (appeals.evidence.read); gone once"
              + " purged under the retention rule.")
  @ApiResponse(
      responseCode = "200",
      description = "The file",
      content = {
        @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
        @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
        @Content(mediaType = "image/webp", schema = @Schema(type = "string", format = "binary")),
        @Content(
            mediaType = "application/pdf",
            schema = @Schema(type = "string", format = "binary"))
      })
  @Refusal(status = 404, code = "appeals.not-found")
  @Refusal(status = 404, code = "appeals.evidence.not-found")
  @Refusal(status = 410, code = "appeals.evidence.purged")
  ResponseEntity<byte[]> evidence(@PathVariable UUID id, @PathVariable UUID fileId) {
    return EvidenceResponses.serve(review.evidence(id, fileId, CurrentActor.get()));
  }
}
