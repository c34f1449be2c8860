package org.suishen.status.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.identity.DocumentType;
import org.suishen.identity.PopulationRegister;
import org.suishen.shared.masking.Masking;
import org.suishen.shared.problem.ErrorMessages;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;
import org.suishen.shared.security.CurrentActor;
import org.suishen.shared.web.HistoryLinks;
import org.suishen.status.Colour;
import org.suishen.status.HealthStatus;
import org.suishen.status.HealthStatuses;
import org.suishen.status.internal.StatusEngine;
import org.suishen.status.internal.feed.FeedKind;
import org.suishen.status.internal.feed.FeedProcessor;
import org.suishen.status.internal.feed.FeedReport;
import org.suishen.status.internal.manual.ManualChange;
import org.suishen.status.internal.manual.ManualChangeHistoryQuery;
import org.suishen.status.internal.manual.ManualChangeProposal;
import org.suishen.status.internal.manual.ManualChangeService;

/**
 * The health authority's page: feed uploads with their reports, and manual changes. The person of a
 * change is found by document number through the person search (page script, audited there); each
 * pending change shows the person masked with their colour now (a read, audited), and offers 批准
 * only to an officer other than the proposer. The decided changes have a page of their own, {@code
 * /authority/manual-changes/decided}, newest first.
 */
@Controller
@RequestMapping("/authority")
class AuthorityPageController {

  private final FeedProcessor feeds;
  private final ManualChangeService changes;
  private final ErrorMessages errors;
  private final StatusEngine engine;
  private final PopulationRegister register;
  private final HealthStatuses statuses;
  private final AuditTrail audit;
  private final StatusTexts texts;

  AuthorityPageController(
      FeedProcessor feeds,
      ManualChangeService changes,
      ErrorMessages errors,
      StatusEngine engine,
      PopulationRegister register,
      HealthStatuses statuses,
      AuditTrail audit,
      StatusTexts texts) {
    this.feeds = feeds;
    this.changes = changes;
    this.errors = errors;
    this.engine = engine;
    this.register = register;
    this.statuses = statuses;
    this.audit = audit;
    this.texts = texts;
  }

  /** A pending change as its card shows it: the person masked, their colour now and its reason. */
  record PendingCard(
      ManualChange change,
      String maskedName,
      String maskedDocument,
      Colour currentColour,
      String currentReason,
      boolean proposedByMe) {}

  @GetMapping
  String page(Model model, Locale locale) {
    Actor officer = CurrentActor.get();
    model.addAttribute("kinds", FeedKind.values());
    model.addAttribute("recent", feeds.recent(Paging.DEFAULT));
    model.addAttribute(
        "pending",
        changes.pending(Paging.MAX).stream().map(c -> card(c, officer, locale)).toList());
    model.addAttribute("documentTypes", DocumentType.values());
    model.addAttribute("reasonCodes", changes.reasonCodes());
    model.addAttribute("colours", Arrays.asList(Colour.values()));
    return "status/authority";
  }

  private PendingCard card(ManualChange change, Actor officer, Locale locale) {
    var person = register.find(change.personId());
    HealthStatus now = statuses.current(change.personId());
    audit.record(
        new AuditEvent(
            officer,
            "status.person.read",
            change.personId(),
            "health authority saw the person of a pending manual change",
            "change=" + change.id()));
    return new PendingCard(
        change,
        person.map(p -> Masking.name(p.name())).orElse("—"),
        person.map(p -> Masking.documentNumber(p.document().number())).orElse("—"),
        now.colour(),
        texts.text("status.reason." + now.reason(), locale),
        change.proposedBy().equals(officer.toString()));
  }

  /**
   * The decided manual changes, newest decision first, with the filters of the API ({@code state},
   * {@code mine}) and its cursor ({@code before}); the link to the older ones keeps the filters.
   */
  @GetMapping("/manual-changes/decided")
  String decided(
      @RequestParam(required = false) @Nullable String state,
      @RequestParam(defaultValue = "false") boolean mine,
      @RequestParam(required = false) @Nullable String before,
      @RequestParam(required = false) @Nullable Integer limit,
      Model model) {
    Actor officer = CurrentActor.get();
    var query = ManualChangeHistoryQuery.parse(state, mine, before, limit, officer);
    var history = changes.decided(query, officer);
    model.addAttribute("entries", history.entries());
    model.addAttribute("states", List.of(ManualChange.State.APPROVED, ManualChange.State.REJECTED));
    model.addAttribute("state", query.state() == null ? null : query.state().name());
    model.addAttribute("mine", mine);
    model.addAttribute("older", query.before() != null);
    HistoryLinks.addTo(
        model,
        "/authority/manual-changes/decided",
        "state",
        query.state() == null ? null : query.state().name(),
        mine,
        limit,
        history.next());
    return "status/manual-history";
  }

  @PostMapping("/feeds")
  String upload(
      @RequestParam String kind,
      @RequestParam("file") MultipartFile file,
      Model model,
      Locale locale,
      jakarta.servlet.http.HttpServletResponse response)
      throws IOException {
    try (InputStream body = file.getInputStream()) {
      FeedReport report =
          feeds.processCsv(
              AuthorityFeedController.kind(kind),
              body,
              file.getOriginalFilename(),
              CurrentActor.get());
      return "redirect:/authority/feeds/" + report.feedId();
    } catch (SuishenException e) {
      return refused(e, "feedError", model, locale, response);
    }
  }

  @GetMapping("/feeds/{feedId}")
  String report(@PathVariable UUID feedId, Model model) {
    FeedReport report =
        feeds.find(feedId).orElseThrow(() -> SuishenException.notFound("status.feed.not-found"));
    model.addAttribute("report", report);
    return "status/feed-report";
  }

  @PostMapping("/manual-changes")
  String propose(
      @RequestParam(required = false) @Nullable String personId,
      @RequestParam Colour colour,
      @RequestParam String reasonCode,
      @RequestParam String evidence,
      @RequestParam(required = false) @Nullable String evidenceFile,
      @RequestParam(required = false) @Nullable String validUntil,
      Model model,
      Locale locale,
      RedirectAttributes redirect,
      jakarta.servlet.http.HttpServletResponse response) {
    try {
      changes.propose(
          new ManualChangeProposal(
              person(personId), colour, reasonCode, evidence, evidenceFile, until(validUntil)),
          CurrentActor.get());
      redirect.addFlashAttribute("manualDone", true);
      return "redirect:/authority#manual";
    } catch (SuishenException e) {
      return refused(e, "manualError", model, locale, response);
    }
  }

  @PostMapping("/manual-changes/{id}/{decision:approve|reject}")
  String decide(
      @PathVariable UUID id,
      @PathVariable String decision,
      @RequestParam(required = false) @Nullable String note,
      Model model,
      Locale locale,
      RedirectAttributes redirect,
      jakarta.servlet.http.HttpServletResponse response) {
    try {
      if (decision.equals("approve")) {
        changes.approve(id, CurrentActor.get(), note);
      } else {
        changes.reject(id, CurrentActor.get(), note);
      }
      redirect.addFlashAttribute("manualDone", true);
      return "redirect:/authority#manual";
    } catch (SuishenException e) {
      return refused(e, "manualError", model, locale, response);
    }
  }

  /** The person chosen from the search (the form's hidden field); none chosen is a refusal. */
  private static UUID person(@Nullable String personId) {
    try {
      if (personId != null && !personId.isBlank()) {
        return UUID.fromString(personId.strip());
      }
    } catch (IllegalArgumentException e) {
      // not an id the search gave: as if none was chosen
    }
    throw SuishenException.badInput("status.manual.person.required");
  }

  /** A {@code datetime-local} value in the city's zone. */
  private @Nullable Instant until(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      ZoneId zone = engine.zone();
      return LocalDateTime.parse(value).atZone(zone).toInstant();
    } catch (java.time.DateTimeException e) {
      throw SuishenException.badInput("status.manual.until-in-past");
    }
  }

  private String refused(
      SuishenException e,
      String attribute,
      Model model,
      Locale locale,
      jakarta.servlet.http.HttpServletResponse response) {
    response.setStatus(
        e.status() == HttpStatus.NOT_FOUND ? HttpStatus.BAD_REQUEST.value() : e.status().value());
    model.addAttribute(attribute, errors.message(e.code(), e.arguments(), locale));
    model.addAttribute(attribute + "Code", e.code());
    return page(model, locale);
  }
}
