package org.suishen.audit.web;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.suishen.audit.internal.AuditPage;
import org.suishen.audit.internal.AuditQuery;
import org.suishen.audit.internal.ChainReport;
import org.suishen.shared.problem.ErrorMessages;
import org.suishen.shared.problem.SuishenException;

/** The auditors' page: search by person (and actor, action, time), verify the chain. */
@Controller
class AuditPageController {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final AuditReading reading;
  private final ErrorMessages messages;
  private final Clock clock;

  AuditPageController(AuditReading reading, ErrorMessages messages, Clock clock) {
    this.reading = reading;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/audit")
  String page(
      @RequestParam(required = false) @Nullable String subject,
      @RequestParam(required = false) @Nullable String actor,
      @RequestParam(required = false) @Nullable String action,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable String page,
      Locale locale,
      Model model) {
    model.addAttribute("subject", subject == null ? "" : subject);
    model.addAttribute("actor", actor == null ? "" : actor);
    model.addAttribute("action", action == null ? "" : action);
    model.addAttribute("from", from == null ? "" : from);
    model.addAttribute("to", to == null ? "" : to);
    try {
      AuditQuery query = reading.parse(subject, actor, action, from, to, page);
      if (query.filtered() || query.before() != null) {
        AuditPage result = reading.search(query);
        model.addAttribute("searched", true);
        model.addAttribute(
            "entries",
            result.entries().stream()
                .map(e -> new Row(AuditEntryView.of(e), format(e.occurredAt())))
                .toList());
        model.addAttribute("next", result.next());
      } else if (subject != null || actor != null || action != null || from != null || to != null) {
        // the search form sent with every field empty: say what a search needs, not nothing
        model.addAttribute("criteriaNeeded", true);
      }
    } catch (SuishenException e) {
      model.addAttribute("errorCode", e.code());
      model.addAttribute("errorMessage", messages.message(e.code(), e.arguments(), locale));
    }
    scheduledVerification(model);
    return "audit/index";
  }

  /** Compares a published head line with the chain in the database. */
  @GetMapping("/audit/anchors/check")
  String checkAnchor(
      @RequestParam(required = false) @Nullable String line, Locale locale, Model model) {
    emptySearch(model);
    model.addAttribute("anchorLine", line == null ? "" : line);
    try {
      model.addAttribute("anchorCheck", reading.checkAnchor(line));
    } catch (SuishenException e) {
      model.addAttribute("anchorErrorCode", e.code());
      model.addAttribute("anchorError", messages.message(e.code(), e.arguments(), locale));
    }
    scheduledVerification(model);
    return "audit/index";
  }

  /** The newest checkpoint of the scheduled verification and the newest anchored head. */
  private void scheduledVerification(Model model) {
    CheckpointView latest = reading.latestCheckpoint();
    model.addAttribute("checkpoint", latest);
    model.addAttribute("checkpointTime", latest == null ? null : format(latest.verifiedAt()));
    var anchors = reading.checkpoints(null, true).checkpoints();
    CheckpointView anchored = anchors.isEmpty() ? null : anchors.getFirst();
    model.addAttribute("anchored", anchored);
    model.addAttribute(
        "anchoredTime",
        anchored == null || anchored.anchoredAt() == null ? null : format(anchored.anchoredAt()));
    if (!model.containsAttribute("anchorLine")) {
      model.addAttribute("anchorLine", "");
    }
  }

  private static void emptySearch(Model model) {
    model.addAttribute("subject", "");
    model.addAttribute("actor", "");
    model.addAttribute("action", "");
    model.addAttribute("from", "");
    model.addAttribute("to", "");
  }

  @GetMapping("/audit/verify")
  String verify(@RequestParam(required = false) @Nullable Long from, Model model) {
    ChainReport report = reading.verify(from, null);
    model.addAttribute("report", report);
    model.addAttribute(
        "oldestUnsealedAt",
        report.oldestUnsealedAt() == null ? null : format(report.oldestUnsealedAt()));
    emptySearch(model);
    scheduledVerification(model);
    return "audit/index";
  }

  private String format(Instant instant) {
    return TIME.format(instant.atZone(clock.getZone()));
  }

  /** An entry with its time in the city's zone. */
  record Row(AuditEntryView entry, String time) {}
}
