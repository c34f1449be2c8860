package org.suishen.appeals.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.appeals.internal.AppealReview;
import org.suishen.appeals.internal.Consultation;
import org.suishen.appeals.internal.ConsultationRequest;
import org.suishen.appeals.internal.DecisionRequest;
import org.suishen.shared.security.CurrentActor;

/** The reviewers' API (role APPEAL_REVIEWER): queue, case, claim, consultations, decision. */
@RestController
@RequestMapping("/api/review/appeals")
class ReviewAppealsApi {

  private final AppealReview review;
  private final Clock clock;

  ReviewAppealsApi(AppealReview review, Clock clock) {
    this.review = review;
    this.clock = clock;
  }

  @GetMapping
  ReviewJson.Queue queue() {
    return ReviewJson.Queue.of(review.queue());
  }

  @GetMapping("/{id}")
  ReviewJson.Case open(@PathVariable UUID id) {
    return ReviewJson.Case.of(review.open(id, CurrentActor.get()), Instant.now(clock));
  }

  @PostMapping("/{id}/claim")
  ReviewJson.State claim(@PathVariable UUID id) {
    return ReviewJson.State.of(review.claim(id, CurrentActor.get()));
  }

  @PostMapping("/{id}/release")
  ReviewJson.State release(@PathVariable UUID id) {
    return ReviewJson.State.of(review.release(id, CurrentActor.get()));
  }

  /** Records a consultation: {@code {department, question, answer, consultedAt?}}. */
  @PostMapping("/{id}/notes")
  ResponseEntity<Consultation> note(
      @PathVariable UUID id, @RequestBody ConsultationRequest request) {
    var note = review.consult(id, CurrentActor.get(), request);
    return ResponseEntity.created(URI.create("/api/review/appeals/" + id)).body(note);
  }

  /** Decides: {@code {outcome: UPHELD|REJECTED, correctedColour?, correctedName?, reason?}}. */
  @PostMapping("/{id}/decision")
  ReviewJson.State decide(@PathVariable UUID id, @RequestBody DecisionRequest request) {
    return ReviewJson.State.of(review.decide(id, CurrentActor.get(), request));
  }

  @GetMapping("/{id}/evidence/{fileId}")
  ResponseEntity<byte[]> evidence(@PathVariable UUID id, @PathVariable UUID fileId) {
    return EvidenceResponses.serve(review.evidence(id, fileId, CurrentActor.get()));
  }
}
