package org.suishen.healthcode.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.healthcode.internal.code.Watermarks;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CurrentActor;

@RestController
@Tag(name = "Audit")
class AuditWatermarksController {

  private final Watermarks watermarks;
  private final AuditTrail audit;

  AuditWatermarksController(Watermarks watermarks, AuditTrail audit) {
    this.watermarks = watermarks;
    this.audit = audit;
  }

  @GetMapping("/api/audit/watermarks/{trace}")
  @Operation(
      summary = "Look up the trace in a code's watermark",
      description =
          "For auditors: the trace printed over a code on screen (e.g. 1M7Q-8ZK2-D4XR; case,"
              + " spaces and hyphens do not matter) names the code reference of the person whose"
              + " screen showed it. Answers the person (id and masked identity) and when the"
              + " reference was created or withdrawn. The read is recorded in the audit trail.")
  @ApiResponse(responseCode = "200", description = "The person(s) the trace stands for")
  @Refusal(status = 400, code = "healthcode.watermark.invalid")
  @Refusal(status = 404, code = "healthcode.watermark.unknown")
  List<TracedPerson> trace(@PathVariable String trace) {
    var found = watermarks.trace(trace);
    if (found == null) {
      throw SuishenException.badInput("healthcode.watermark.invalid");
    }
    if (found.isEmpty()) {
      throw SuishenException.notFound("healthcode.watermark.unknown");
    }
    var actor = CurrentActor.get();
    return found.stream()
        .map(
            t -> {
              var subject = t.subject();
              audit.record(
                  AuditEvent.of(
                      actor,
                      "healthcode.watermark.traced",
                      subject.personId(),
                      "watermark trace lookup"));
              var identity = subject.identity();
              return new TracedPerson(
                  subject.personId(),
                  identity == null ? null : identity.name(),
                  identity == null ? null : identity.document(),
                  t.referenceCreatedAt(),
                  subject.revokedAt());
            })
        .toList();
  }

  /** A person a watermark trace stands for. */
  @Schema(description = "A person a watermark trace stands for, masked")
  record TracedPerson(
      UUID personId,
      @Schema(example = "刘*轩") @Nullable String maskedName,
      @Schema(example = "3101**********0035") @Nullable String maskedDocument,
      Instant referenceCreatedAt,
      @Nullable Instant referenceWithdrawnAt) {}
}
