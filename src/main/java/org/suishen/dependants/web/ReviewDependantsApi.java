package org.suishen.dependants.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.security.CurrentActor;

/** Reviewers decide on applications that came with an uploaded household-register page (R2). */
@RestController
@RequestMapping("/api/review/dependants")
@Tag(
    name = "Dependants review",
    description = "Reviewers decide on bindings with an uploaded household-register page (R2)")
class ReviewDependantsApi {

  private final BindingReview review;

  ReviewDependantsApi(BindingReview review) {
    this.review = review;
  }

  /** Pending applications, oldest first. */
  @GetMapping
  @Operation(
      summary = "Pending dependant bindings",
      description =
          "How many are pending, and the oldest of them (suishen.dependants.review-page-size),"
              + " oldest first. Both people masked; the queue is not audited per row.")
  ReviewJson.Queue queue() {
    return ReviewJson.Queue.of(review.queue());
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "One dependant binding",
      description = "In any state, both people masked. Audited (dependants.binding.read).")
  @Refusal(status = 404, code = "dependants.binding-not-found")
  ReviewJson one(@Parameter(description = "The binding id") @PathVariable UUID id) {
    return ReviewJson.of(review.read(CurrentActor.get(), id));
  }

  @GetMapping("/{id}/evidence")
  @Operation(
      summary = "A binding's uploaded household-register page",
      description =
          "The file as uploaded (JPEG, PNG or PDF), inline, no-store, nosniff. Audited"
              + " (dependants.evidence.read); after the retention rule deleted it, 410 (not"
              + " audited: nothing is read).")
  @ApiResponse(
      responseCode = "200",
      description = "The page",
      content = {
        @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
        @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
        @Content(
            mediaType = "application/pdf",
            schema = @Schema(type = "string", format = "binary"))
      })
  @Refusal(status = 404, code = "dependants.binding-not-found")
  @Refusal(status = 404, code = "dependants.evidence-not-found")
  @Refusal(status = 410, code = "dependants.evidence.purged")
  ResponseEntity<byte[]> evidence(
      @Parameter(description = "The binding id") @PathVariable UUID id) {
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
  @Operation(
      summary = "Approve or reject a pending binding",
      description =
          "state APPROVED or REJECTED; a rejection needs a reason, which the holder sees. An"
              + " approval re-checks that the dependant is still eligible today and publishes"
              + " DependantBound. Audited with both people.")
  @Refusal(status = 400, code = "dependants.decision-invalid")
  @Refusal(status = 400, code = "dependants.reason-required")
  @Refusal(status = 400, code = "dependants.reason-too-long")
  @Refusal(status = 404, code = "dependants.binding-not-found")
  @Refusal(status = 409, code = "dependants.not-pending")
  @Refusal(status = 409, code = "dependants.no-longer-eligible")
  ReviewJson decide(
      @Parameter(description = "The binding id") @PathVariable UUID id,
      @RequestBody Decision.Request request) {
    boolean approve = Decision.ofState(request.state()) == Decision.APPROVE;
    return ReviewJson.of(review.decide(CurrentActor.get(), id, approve, request.reason()));
  }

  @PostMapping("/{id}/removal")
  @Operation(
      summary = "Remove a pending or approved binding",
      description =
          "With a reason, which the holder sees; proxy codes for an approved binding stop working"
              + " at once (DependantUnbound). Audited with both people.")
  @Refusal(status = 400, code = "dependants.reason-required")
  @Refusal(status = 400, code = "dependants.reason-too-long")
  @Refusal(status = 404, code = "dependants.binding-not-found")
  @Refusal(status = 409, code = "dependants.not-active")
  ReviewJson remove(
      @Parameter(description = "The binding id") @PathVariable UUID id,
      @RequestBody(required = false) Decision.@Nullable Removal request) {
    return ReviewJson.of(
        review.remove(CurrentActor.get(), id, request == null ? null : request.reason()));
  }
}
