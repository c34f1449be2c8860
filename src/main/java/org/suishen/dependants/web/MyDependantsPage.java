package org.suishen.dependants.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suishen.dependants.BindingState;
import org.suishen.dependants.Relationship;
import org.suishen.dependants.internal.BindingRemoval;
import org.suishen.dependants.internal.DependantBindings;
import org.suishen.dependants.internal.DependantClaim;
import org.suishen.dependants.internal.DependantList;
import org.suishen.dependants.internal.DependantsProperties;
import org.suishen.identity.DocumentType;
import org.suishen.shared.problem.ErrorMessages;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CurrentActor;

/**
 * The citizen's page of dependants (亲属随申码): who is bound, who is waiting for review, a form to bind
 * another, a button to remove one. Works without JavaScript.
 */
@Controller
@RequestMapping("/me/dependants")
class MyDependantsPage {

  private final DependantBindings bindings;
  private final DependantList list;
  private final BindingRemoval removal;
  private final DependantsProperties properties;
  private final ErrorMessages messages;
  private final PageTimes times;

  MyDependantsPage(
      DependantBindings bindings,
      DependantList list,
      BindingRemoval removal,
      DependantsProperties properties,
      ErrorMessages messages,
      PageTimes times) {
    this.bindings = bindings;
    this.list = list;
    this.removal = removal;
    this.properties = properties;
    this.messages = messages;
    this.times = times;
  }

  @GetMapping
  String page(Model model) {
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", BindForm.empty());
    }
    return show(model);
  }

  @PostMapping
  String bind(
      @RequestParam(required = false) @Nullable String documentType,
      @RequestParam(required = false) @Nullable String documentNumber,
      @RequestParam(required = false) @Nullable String name,
      @RequestParam(required = false) @Nullable String relationship,
      @RequestParam(required = false) @Nullable MultipartFile evidence,
      Model model,
      Locale locale,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      var row =
          bindings.bind(
              CurrentActor.requireCitizen(),
              new DependantClaim(documentType, documentNumber, name, relationship),
              MultipartUpload.of(evidence));
      redirect.addFlashAttribute(
          "done",
          row.binding().state() == BindingState.APPROVED
              ? "dependants.done.bound"
              : "dependants.done.pending");
      redirect.addFlashAttribute("doneName", row.dependant().maskedName());
      return "redirect:/me/dependants";
    } catch (SuishenException e) {
      response.setStatus(e.status().value());
      model.addAttribute("errorCode", e.code());
      model.addAttribute("errorMessage", messages.message(e.code(), e.arguments(), locale));
      model.addAttribute("form", BindForm.of(documentType, documentNumber, name, relationship));
      return show(model);
    }
  }

  /** The remove button of a dependant: ends the holder's current binding of them. */
  @PostMapping("/{dependantId}/remove")
  String remove(@PathVariable UUID dependantId, Locale locale, RedirectAttributes redirect) {
    try {
      removal.remove(CurrentActor.requireCitizen(), dependantId);
      redirect.addFlashAttribute("done", "dependants.done.removed");
    } catch (SuishenException e) {
      redirect.addFlashAttribute("errorCode", e.code());
      redirect.addFlashAttribute("errorMessage", messages.message(e.code(), e.arguments(), locale));
    }
    return "redirect:/me/dependants";
  }

  private String show(Model model) {
    List<DependantCard> cards =
        list.shownTo(CurrentActor.requireCitizen()).stream()
            .map(row -> DependantCard.of(row, times))
            .toList();
    model.addAttribute("dependants", cards);
    model.addAttribute("documentTypes", DocumentType.values());
    model.addAttribute("relationships", Relationship.values());
    model.addAttribute("limit", properties.limit());
    model.addAttribute("maxEvidenceBytes", properties.evidenceMaxSize().toBytes());
    model.addAttribute("maxEvidenceMegabytes", properties.evidenceMaxSize().toMegabytes());
    model.addAttribute("minorAgeLimit", properties.minorAgeLimit());
    model.addAttribute("elderlyAge", properties.elderlyAge());
    return "dependants/mine";
  }
}
