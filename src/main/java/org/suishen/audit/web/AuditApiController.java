package org.suishen.audit.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.audit.internal.AnchorCheck;
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

  /** The scheduled verification's checkpoints, newest first (VERIFIED and BROKEN). */
  @GetMapping("/checkpoints")
  AuditReading.CheckpointPage checkpoints(@RequestParam(required = false) @Nullable String page) {
    return reading.checkpoints(page, false);
  }

  /** The heads published outside the database, newest first, each with its anchor line. */
  @GetMapping("/anchors")
  AnchorsPage anchors(@RequestParam(required = false) @Nullable String page) {
    AuditReading.CheckpointPage result = reading.checkpoints(page, true);
    return new AnchorsPage(result.checkpoints(), result.next());
  }

  /** Is the anchored head (its line, as published) still in the chain in the database? */
  @PostMapping(path = "/anchors/check", consumes = MediaType.APPLICATION_JSON_VALUE)
  AnchorCheck.Result check(@RequestBody(required = false) @Nullable AnchorLine body) {
    return reading.checkAnchor(body == null ? null : body.line());
  }

  /** The same with the line as a plain-text body ({@code curl --data-binary @line.txt}). */
  @PostMapping(path = "/anchors/check", consumes = MediaType.TEXT_PLAIN_VALUE)
  AnchorCheck.Result checkText(@RequestBody String line) {
    return reading.checkAnchor(line);
  }

  record AnchorLine(@Nullable String line) {}

  record AnchorsPage(List<CheckpointView> anchors, @Nullable String next) {}

  record EventsPage(List<AuditEntryView> entries, @Nullable String next) {}
}
