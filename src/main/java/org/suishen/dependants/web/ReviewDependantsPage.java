package org.suishen.dependants.web;

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
import org.suishen.dependants.internal.BindingReview;
import org.suishen.shared.problem.ErrorMessages;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CurrentActor;

/** The reviewers' pages: the queue of pending applications, one application and its decision. */
@Controller
@RequestMapping("/review/dependants")
class ReviewDependantsPage {

  private final BindingReview review;
  private final ErrorMessages messages;
  private final PageTimes times;

  ReviewDependantsPage(BindingReview review, ErrorMessages messages, PageTimes times) {
    this.review = review;
    this.messages = messages;
    this.times = times;
  }

  @GetMapping
  String queue(Model model) {
    var queue = review.queue();
    model.addAttribute("pending", queue.pending());
    model.addAttribute(
        "items", queue.items().stream().map(item -> ReviewCard.of(item, times)).toList());
    return "dependants/review-queue";
  }

  @GetMapping("/{id}")
  String one(@PathVariable UUID id, Model model) {
    model.addAttribute("item", ReviewCard.of(review.read(CurrentActor.get(), id), times));
    model.addAttribute("maxReason", BindingReview.MAX_REASON);
    return "dependants/review-detail";
  }

  @PostMapping("/{id}/decision")
  String decide(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String decision,
      @RequestParam(required = false) @Nullable String reason,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      boolean approve = Decision.parse(decision) == Decision.APPROVE;
      review.decide(CurrentActor.get(), id, approve, reason);
      redirect.addFlashAttribute(
          "done", approve ? "dependants.review.done.approved" : "dependants.review.done.rejected");
      return "redirect:/review/dependants";
    } catch (SuishenException e) {
      return refused(e, id, locale, redirect);
    }
  }

  @PostMapping("/{id}/removal")
  String remove(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String reason,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      review.remove(CurrentActor.get(), id, reason);
      redirect.addFlashAttribute("done", "dependants.review.done.removed");
      return "redirect:/review/dependants";
    } catch (SuishenException e) {
      return refused(e, id, locale, redirect);
    }
  }

  private String refused(SuishenException e, UUID id, Locale locale, RedirectAttributes redirect) {
    redirect.addFlashAttribute("errorCode", e.code());
    redirect.addFlashAttribute("errorMessage", messages.message(e.code(), e.arguments(), locale));
    return "redirect:/review/dependants/" + id;
  }
}
