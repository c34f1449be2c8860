package org.suishen.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.audit.internal.AnchorCheck;
import org.suishen.audit.internal.AuditPage;
import org.suishen.audit.internal.ChainReport;
import org.suishen.shared.problem.Refusal;

/** The auditors' API (AUDITOR or ADMINISTRATOR, see SecurityConfiguration). */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "The hash-chained audit trail, for auditors (X1)")
class AuditApiController {

  private final AuditReading reading;

  AuditApiController(AuditReading reading) {
    this.reading = reading;
  }

  /** One page of entries, newest first; {@code next} is the {@code page} of the following one. */
  @GetMapping("/events")
  @Operation(
      summary = "Search the audit trail",
      description =
          "Newest first; next is the page of the following answer. from/to: ISO date or time in"
              + " the city's zone. The search itself is audited.")
  @Refusal(status = 400, code = "audit.search.subject-invalid")
  @Refusal(status = 400, code = "audit.search.actor-invalid")
  @Refusal(status = 400, code = "audit.search.action-invalid")
  @Refusal(status = 400, code = "audit.search.range-invalid")
  @Refusal(status = 400, code = "audit.search.time-invalid")
  @Refusal(status = 400, code = "audit.search.page-invalid")
  EventsPage events(
      @RequestParam(required = false) @Nullable String subject,
      @RequestParam(required = false) @Nullable String actor,
      @RequestParam(required = false) @Nullable String action,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable String page) {
    AuditPage result = reading.search(reading.parse(subject, actor, action, from, to, page));
    return new EventsPage(
        result.entries().stream().map(AuditEntryView::of).toList(), result.next());
  }

  @GetMapping("/events/{id}")
  @Operation(
      summary = "One audit entry by its id",
      description =
          "The entry a person's data tracker (/me/data-reads) shows as its reference, for an"
              + " auditor following a row up. The read is itself audited (audit.entry.read).")
  @Refusal(status = 404, code = "audit.entry.unknown")
  AuditEntryView entry(
      @Parameter(description = "The entry's id", example = "981274") @PathVariable long id) {
    return reading.entry(id);
  }

  /** Recomputes the hash chain (from/to: chain positions, default the whole chain). */
  @GetMapping("/verify")
  @Operation(
      summary = "Recompute the hash chain",
      description = "from/to: chain positions, default the whole chain. Audited.")
  ChainReport verify(
      @RequestParam(required = false) @Nullable Long from,
      @RequestParam(required = false) @Nullable Long to) {
    return reading.verify(from, to);
  }

  /** The scheduled verification's checkpoints, newest first (VERIFIED and BROKEN). */
  @GetMapping("/checkpoints")
  @Operation(summary = "Checkpoints of the scheduled verification", description = "Newest first.")
  @Refusal(status = 400, code = "audit.search.page-invalid")
  AuditReading.CheckpointPage checkpoints(@RequestParam(required = false) @Nullable String page) {
    return reading.checkpoints(page, false);
  }

  /** The heads published outside the database, newest first, each with its anchor line. */
  @GetMapping("/anchors")
  @Operation(
      summary = "Chain heads anchored outside the database",
      description = "Newest first, each with its anchor line.")
  @Refusal(status = 400, code = "audit.search.page-invalid")
  AnchorsPage anchors(@RequestParam(required = false) @Nullable String page) {
    AuditReading.CheckpointPage result = reading.checkpoints(page, true);
    return new AnchorsPage(result.checkpoints(), result.next());
  }

  /** Is the anchored head (its line, as published) still in the chain in the database? */
  @PostMapping(path = "/anchors/check", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Check an anchored head against the chain",
      description =
          "Is the head, as published outside the database, still in the chain? The line may also"
              + " be sent as text/plain. Audited.")
  @Refusal(status = 400, code = "audit.anchor.line-invalid")
  AnchorCheck.Result check(@RequestBody(required = false) @Nullable AnchorLine body) {
    return reading.checkAnchor(body == null ? null : body.line());
  }

  /** The same with the line as a plain-text body ({@code curl --data-binary @line.txt}). */
  @PostMapping(path = "/anchors/check", consumes = MediaType.TEXT_PLAIN_VALUE)
  @Operation(summary = "Check an anchored head against the chain (plain-text line)")
  @Refusal(status = 400, code = "audit.anchor.line-invalid")
  AnchorCheck.Result checkText(@RequestBody String line) {
    return reading.checkAnchor(line);
  }

  record AnchorLine(
      @Schema(
              description = "the anchor line as published; the answer reports on it",
              example = "suishen-audit-head v1 seq=120394 hash=9f2c…e1 at=2026-04-09T02:00:00Z",
              accessMode = Schema.AccessMode.WRITE_ONLY)
          @Nullable String line) {}

  record AnchorsPage(
      List<CheckpointView> anchors, @Schema(example = "4127") @Nullable String next) {}

  record EventsPage(
      List<AuditEntryView> entries, @Schema(example = "981273") @Nullable String next) {}
}
