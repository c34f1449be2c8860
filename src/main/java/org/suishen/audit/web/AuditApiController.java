package org.suishen.audit.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.audit.internal.AuditPage;
import org.suishen.audit.internal.ChainReport;

/** The auditors' API (AUDITOR or ADMINISTRATOR, see SecurityConfiguration). */
@RestController
@RequestMapping("/api/audit")
class AuditApiController {

  private final AuditReading reading;

  AuditApiController(AuditReading reading) {
    this.reading = reading;
  }

  /** One page of entries, newest first; {@code next} is the {@code page} of the following one. */
  @GetMapping("/events")
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

  /** Recomputes the hash chain (from/to: chain positions, default the whole chain). */
  @GetMapping("/verify")
  ChainReport verify(
      @RequestParam(required = false) @Nullable Long from,
      @RequestParam(required = false) @Nullable Long to) {
    return reading.verify(from, to);
  }

  record EventsPage(List<AuditEntryView> entries, @Nullable String next) {}
}
