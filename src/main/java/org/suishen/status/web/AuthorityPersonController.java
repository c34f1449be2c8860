package org.suishen.status.web;

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
import org.suishen.shared.security.CurrentActor;
import org.suishen.status.HealthStatuses;
import org.suishen.status.internal.StatusRows;
import org.suishen.status.internal.manual.ManualChangeService;

/** A person's status, history and manual changes as the health authority sees them (audited). */
@RestController
@RequestMapping("/api/authority/persons/{personId}")
class AuthorityPersonController {

  private final HealthStatuses statuses;
  private final StatusRows rows;
  private final ManualChangeService changes;
  private final AuditTrail audit;
  private final StatusTexts texts;

  AuthorityPersonController(
      HealthStatuses statuses,
      StatusRows rows,
      ManualChangeService changes,
      AuditTrail audit,
      StatusTexts texts) {
    this.statuses = statuses;
    this.rows = rows;
    this.changes = changes;
    this.audit = audit;
    this.texts = texts;
  }

  @GetMapping("/status")
  StatusView status(@PathVariable UUID personId) {
    read(personId, "status");
    return StatusView.of(statuses.current(personId), texts);
  }

  @GetMapping("/history")
  HistoryView history(
      @PathVariable UUID personId,
      @RequestParam(required = false) @Nullable Long before,
      @RequestParam(required = false) @Nullable Integer limit) {
    int size = Paging.limit(limit);
    read(personId, "history");
    return HistoryView.of(rows.history(personId, before, size), size, texts, true);
  }

  @GetMapping("/manual-changes")
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
