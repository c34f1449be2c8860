package org.suishen.appeals.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suishen.appeals.AppealKind;
import org.suishen.appeals.internal.AppealReview;
import org.suishen.appeals.internal.ConsultationRequest;
import org.suishen.appeals.internal.DecisionRequest;
import org.suishen.appeals.internal.HistoryQuery;
import org.suishen.appeals.internal.Outcome;
import org.suishen.shared.problem.ErrorMessages;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;
import org.suishen.shared.security.CurrentActor;
import org.suishen.shared.web.HistoryLinks;
import org.suishen.status.Colour;

/**
 * The reviewers' pages: the queue {@code /review/appeals} (oldest first, with the time waiting),
 * the decided appeals {@code /review/appeals/decided} (newest decision first) and one appeal {@code
 * /review/appeals/{id}} with the person's masked identity, their current status, the consultation
 * notes and the decision form (a decided appeal: its decision, nothing to act on). Actions post and
 * come back to the appeal (post/redirect/get); a refusal is shown above the form concerned, with
 * what was typed.
 */
@Controller
@RequestMapping("/review/appeals")
class ReviewAppealsPage {

  private final AppealReview review;
  private final PageFormat format;
  private final ErrorMessages errors;

  ReviewAppealsPage(AppealReview review, PageFormat format, ErrorMessages errors) {
    this.review = review;
    this.format = format;
    this.errors = errors;
  }

  /** One queue row as shown. */
  record Row(
      UUID id,
      AppealKind kind,
      String state,
      String submittedAt,
      String waiting,
      @Nullable String reviewer,
      int files) {}

  /** A consultation note as shown. */
  record NoteRow(
      String department, String question, String answer, String consultedAt, String recordedBy) {}

  /**
   * What the reviewer typed into the notes form (kept in the flash, in the session: serialisable).
   */
  record NoteForm(
      @Nullable String department,
      @Nullable String question,
      @Nullable String answer,
      @Nullable String consultedAt)
      implements java.io.Serializable {}

  /** What the reviewer typed into the decision form (in the flash, as the note form). */
  record DecisionForm(
      @Nullable String outcome,
      @Nullable String correctedColour,
      @Nullable String correctedName,
      @Nullable String reason)
      implements java.io.Serializable {}

  @GetMapping
  String queue(Model model, Locale locale) {
    var queue = review.queue();
    model.addAttribute("open", queue.open());
    model.addAttribute(
        "rows",
        queue.entries().stream()
            .map(
                e ->
                    new Row(
                        e.id(),
                        e.kind(),
                        e.state().name(),
                        format.time(e.submittedAt()),
                        format.waiting(ReviewJson.waiting(e.submittedAt(), queue.now()), locale),
                        e.reviewer(),
                        e.files()))
            .toList());
    return "appeals/queue";
  }

  /**
   * The decided appeals, newest decision first, with the filters of the API ({@code outcome},
   * {@code mine}) and its cursor ({@code before}); the link to the older ones keeps the filters.
   */
  @GetMapping("/decided")
  String decided(
      @RequestParam(required = false) @Nullable String outcome,
      @RequestParam(defaultValue = "false") boolean mine,
      @RequestParam(required = false) @Nullable String before,
      @RequestParam(required = false) @Nullable Integer limit,
      Model model) {
    Actor reviewer = CurrentActor.get();
    var query = HistoryQuery.parse(outcome, mine, before, limit, reviewer);
    var history = review.history(query, reviewer);
    model.addAttribute("entries", history.entries());
    model.addAttribute("outcomes", Outcome.values());
    model.addAttribute("outcome", query.outcome() == null ? null : query.outcome().name());
    model.addAttribute("mine", mine);
    model.addAttribute("older", query.before() != null);
    HistoryLinks.addTo(
        model,
        "/review/appeals/decided",
        "outcome",
        query.outcome() == null ? null : query.outcome().name(),
        mine,
        limit,
        history.next());
    return "appeals/decided";
  }

  @GetMapping("/{id}")
  String appeal(@PathVariable UUID id, Model model, Locale locale) {
    var reviewer = CurrentActor.get();
    var c = review.open(id, reviewer);
    var a = c.appeal();
    Instant until = a.decision() == null ? format.now() : a.decision().decidedAt();
    model.addAttribute("c", c);
    model.addAttribute("files", c.evidence().stream().map(f -> PageFile.of(f, format)).toList());
    model.addAttribute("a", a);
    model.addAttribute("mine", reviewer.toString().equals(a.reviewer()) && a.state().open());
    model.addAttribute("submittedAt", format.time(a.submittedAt()));
    model.addAttribute("claimedAt", format.time(a.claimedAt()));
    model.addAttribute("statusSince", format.time(c.status().since()));
    var identity = c.identity();
    model.addAttribute(
        "holderSince",
        identity == null || identity.holder() == null
            ? null
            : format.time(identity.holder().since()));
    model.addAttribute(
        "waiting", format.waiting(ReviewJson.waiting(a.submittedAt(), until), locale));
    model.addAttribute(
        "notes",
        c.consultations().stream()
            .map(
                n ->
                    new NoteRow(
                        n.department(),
                        n.question(),
                        n.answer(),
                        format.time(n.consultedAt()),
                        n.recordedBy()))
            .toList());
    model.addAttribute(
        "decidedAt", a.decision() == null ? "" : format.time(a.decision().decidedAt()));
    model.addAttribute("colours", Colour.values());
    if (!model.containsAttribute("noteForm")) {
      model.addAttribute(
          "noteForm", new NoteForm(null, null, null, format.inputTime(format.now())));
    }
    if (!model.containsAttribute("decisionForm")) {
      model.addAttribute("decisionForm", new DecisionForm(null, null, a.correctedName(), null));
    }
    return "appeals/review";
  }

  @PostMapping("/{id}/claim")
  String claim(@PathVariable UUID id, RedirectAttributes redirect, Locale locale) {
    try {
      review.claim(id, CurrentActor.get());
    } catch (SuishenException e) {
      refused(redirect, "actionError", e, locale);
    }
    return back(id);
  }

  @PostMapping("/{id}/release")
  String release(@PathVariable UUID id, RedirectAttributes redirect, Locale locale) {
    try {
      review.release(id, CurrentActor.get());
      return "redirect:/review/appeals";
    } catch (SuishenException e) {
      refused(redirect, "actionError", e, locale);
      return back(id);
    }
  }

  @PostMapping("/{id}/notes")
  String note(@PathVariable UUID id, NoteForm form, RedirectAttributes redirect, Locale locale) {
    try {
      review.consult(
          id,
          CurrentActor.get(),
          new ConsultationRequest(
              form.department(), form.question(), form.answer(), time(form.consultedAt())));
      return back(id) + "#notes";
    } catch (SuishenException e) {
      refused(redirect, "noteError", e, locale);
      redirect.addFlashAttribute("noteForm", form);
      return back(id) + "#note-form";
    }
  }

  @PostMapping("/{id}/decision")
  String decide(
      @PathVariable UUID id, DecisionForm form, RedirectAttributes redirect, Locale locale) {
    try {
      review.decide(
          id,
          CurrentActor.get(),
          new DecisionRequest(
              form.outcome(), form.correctedColour(), form.correctedName(), form.reason()));
      redirect.addFlashAttribute("decided", true);
      return back(id);
    } catch (SuishenException e) {
      refused(redirect, "decisionError", e, locale);
      redirect.addFlashAttribute("decisionForm", form);
      return back(id) + "#decision-form";
    }
  }

  private @Nullable Instant time(@Nullable String local) {
    if (local == null || local.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(local.strip()).atZone(format.zone()).toInstant();
    } catch (DateTimeException e) {
      throw SuishenException.badInput("appeals.note.time.invalid");
    }
  }

  private void refused(
      RedirectAttributes redirect, String slot, SuishenException e, Locale locale) {
    redirect.addFlashAttribute(slot, errors.message(e.code(), e.arguments(), locale));
    redirect.addFlashAttribute(slot + "Code", e.code());
  }

  private static String back(UUID id) {
    return "redirect:/review/appeals/" + id;
  }
}
