package org.suishen.dependants.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.dependants.internal.BindingReview;
import org.suishen.shared.security.CurrentActor;

/** Reviewers decide on applications that came with an uploaded household-register page (R2). */
@RestController
@RequestMapping("/api/review/dependants")
class ReviewDependantsApi {

  private final BindingReview review;

  ReviewDependantsApi(BindingReview review) {
    this.review = review;
  }

  /** Pending applications, oldest first. */
  @GetMapping
  ReviewJson.Queue queue() {
    return ReviewJson.Queue.of(review.queue());
  }

  @GetMapping("/{id}")
  ReviewJson one(@PathVariable UUID id) {
    return ReviewJson.of(review.read(CurrentActor.get(), id));
  }

  @GetMapping("/{id}/evidence")
  ResponseEntity<byte[]> evidence(@PathVariable UUID id) {
    var file = review.evidence(CurrentActor.get(), id);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.format().mediaType()))
        .header(
            "Content-Disposition",
            ContentDisposition.inline()
                .filename("household-page-" + id + "." + file.format().extension())
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .cacheControl(CacheControl.noStore())
        .body(file.content());
  }

  @PostMapping("/{id}/decision")
  ReviewJson decide(@PathVariable UUID id, @RequestBody Decision.Request request) {
    boolean approve = Decision.parse(request.decision()) == Decision.APPROVE;
    return ReviewJson.of(review.decide(CurrentActor.get(), id, approve, request.reason()));
  }

  @PostMapping("/{id}/removal")
  ReviewJson remove(
      @PathVariable UUID id, @RequestBody(required = false) Decision.@Nullable Request request) {
    return ReviewJson.of(
        review.remove(CurrentActor.get(), id, request == null ? null : request.reason()));
  }
}
