package org.suishen.status.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.security.CurrentActor;
import org.suishen.status.HealthStatuses;
import org.suishen.status.StatusExplanations;
import org.suishen.status.internal.StatusRows;
import org.suishen.status.internal.manual.ManualChangeService;

/** A person's status, history and manual changes as the health authority sees them (audited). */
@RestController
@RequestMapping("/api/authority/persons/{personId}")
@Tag(
    name = "Authority: persons",
    description = "A person's status, history and manual changes, for the health authority (H2)")
class AuthorityPersonController {

  private final HealthStatuses statuses;
  private final StatusRows rows;
  private final ManualChangeService changes;
  private final AuditTrail audit;
  private final StatusTexts texts;
  private final StatusExplanations explanations;

  AuthorityPersonController(
      HealthStatuses statuses,
      StatusRows rows,
      ManualChangeService changes,
      AuditTrail audit,
      StatusTexts texts,
      StatusExplanations explanations) {
    this.statuses = statuses;
    this.rows = rows;
    this.changes = changes;
    this.audit = audit;
    this.texts = texts;
    this.explanations = explanations;
  }

  @GetMapping("/status")
  @Operation(
      summary = "A person's current health status",
      description = "The read is audited (status.person.read).")
  StatusView status(@PathVariable UUID personId) {
    read(personId, "status");
    return StatusView.of(statuses.current(personId), texts, explanations);
  }

  @GetMapping("/history")
  @Operation(
      summary = "A person's status history, newest first",
      description =
          "With who caused each change (causedBy). A page at a time: pass the answer's next as"
              + " before. The read is audited (status.person.read).")
  @Refusal(status = 400, code = "status.paging.limit")
  HistoryView history(
      @PathVariable UUID personId,
      @Parameter(description = "The next of the previous page", example = "1822")
          @RequestParam(required = false)
          @Nullable Long before,
      @Parameter(description = "Entries per page, 1 to 100 (default 20)", example = "20")
          @RequestParam(required = false)
          @Nullable Integer limit) {
    int size = Paging.limit(limit);
    read(personId, "history");
    return HistoryView.of(rows.history(personId, before, size), size, texts, true);
  }

  @GetMapping("/manual-changes")
  @Operation(
      summary = "A person's manual colour changes",
      description =
          "Proposed, approved and rejected, and the corrections of upheld appeals. The read is"
              + " audited (status.person.read).")
  List<ManualChangeView> manualChanges(@PathVariable UUID personId) {
    read(personId, "manual-changes");
    return changes.forPerson(personId).stream().map(c -> ManualChangeView.of(c, texts)).toList();
  }

  private void read(UUID personId, String what) {
    audit.record(
        new AuditEvent(
            CurrentActor.get(),
            "status.person.read",
            personId,
            "health authority looked up the person's " + what,
            null));
  }
}
