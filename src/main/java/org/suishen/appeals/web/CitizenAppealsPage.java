package org.suishen.appeals.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.suishen.appeals.AppealKind;
import org.suishen.appeals.internal.AppealFiling;
import org.suishen.appeals.internal.AppealsProperties;
import org.suishen.appeals.internal.CitizenAppeal;
import org.suishen.appeals.internal.EvidenceUpload;
import org.suishen.appeals.internal.FilingRequest;
import org.suishen.identity.DocumentType;
import org.suishen.shared.problem.ErrorMessages;
import org.suishen.shared.problem.SuishenException;
import org.suishen.status.Colour;

/**
 * The appellant's page {@code /me/appeals}: their appeals with the answers, and the form to file a
 * new one. A refused filing shows the reason above the form and keeps what was typed.
 */
@Controller
@RequestMapping("/me/appeals")
class CitizenAppealsPage {

  private final AppealFiling filing;
  private final AppealsProperties properties;
  private final PageFormat format;
  private final ErrorMessages errors;

  CitizenAppealsPage(
      AppealFiling filing, AppealsProperties properties, PageFormat format, ErrorMessages errors) {
    this.filing = filing;
    this.properties = properties;
    this.format = format;
    this.errors = errors;
  }

  /** What the person typed (the form's fields), filed as it is and shown again after a refusal. */
  record Form(
      @Nullable String kind,
      @Nullable String text,
      @Nullable String believedColour,
      @Nullable String correctedName,
      @Nullable String documentType,
      @Nullable String documentNumber,
      @Nullable String name) {

    FilingRequest request(List<EvidenceUpload> files) {
      return new FilingRequest(
          kind, text, believedColour, correctedName, documentType, documentNumber, name, files);
    }
  }

  /**
   * The page; {@code kind} preselects a kind (the registration page links here with {@code
   * IDENTITY_TAKEN} for a person whose identity someone else registered).
   */
  @GetMapping
  String page(
      @RequestParam(required = false) @Nullable UUID filed,
      @RequestParam(required = false) @Nullable String kind,
      Model model) {
    model.addAttribute("filed", filed);
    return render(model, new Form(kind, null, null, null, null, null, null));
  }

  @PostMapping
  String file(
      @ModelAttribute Form form,
      @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    try {
      var appeal =
          filing.file(CitizenAppealsApi.citizen(), form.request(EvidenceResponses.uploads(files)));
      return "redirect:/me/appeals?filed=" + appeal.id() + "#appeal-" + appeal.id();
    } catch (SuishenException e) {
      response.setStatus(e.status().value());
      model.addAttribute("errorCode", e.code());
      model.addAttribute("errorMessage", errors.message(e.code(), e.arguments(), locale));
      return render(model, form);
    }
  }

  private String render(Model model, Form form) {
    var citizen = CitizenAppealsApi.citizen();
    List<CitizenAppeal> mine = filing.mine(citizen);
    Set<AppealKind> open = EnumSet.noneOf(AppealKind.class);
    mine.stream().filter(m -> m.appeal().state().open()).forEach(m -> open.add(m.appeal().kind()));
    // what this account may file: without an identity only an identity appeal, with one the others
    boolean registered = citizen.personId() != null;
    Set<AppealKind> closed = EnumSet.noneOf(AppealKind.class);
    for (AppealKind k : AppealKind.values()) {
      if ((k == AppealKind.IDENTITY_TAKEN) == registered) {
        closed.add(k);
      }
    }
    model.addAttribute("registered", registered);
    model.addAttribute("closedKinds", closed);
    model.addAttribute("documentTypes", DocumentType.values());
    model.addAttribute("appeals", mine.stream().map(this::row).toList());
    model.addAttribute("openKinds", open);
    model.addAttribute("form", form);
    model.addAttribute("kinds", AppealKind.values());
    model.addAttribute("colours", Colour.values());
    model.addAttribute("maxFiles", properties.maxFiles());
    model.addAttribute("maxFileBytes", properties.maxFileSize().toBytes());
    model.addAttribute("maxFileMegabytes", properties.maxFileSize().toMegabytes());
    model.addAttribute("textMaxLength", properties.textMaxLength());
    model.addAttribute("nameMaxLength", properties.nameMaxLength());
    return "appeals/mine";
  }

  /** One appeal as the page lists it, with the names of the JSON view ({@link AppealJson.Mine}). */
  record Row(
      UUID id,
      AppealKind kind,
      String state,
      String text,
      @Nullable Colour believedColour,
      @Nullable String correctedName,
      @Nullable DocumentType documentType,
      @Nullable String documentNumber,
      @Nullable String name,
      String submittedAt,
      List<PageFile> files,
      @Nullable Answer answer) {}

  /** The authority's answer as the page shows it. */
  record Answer(
      String outcome,
      @Nullable Colour correctedColour,
      @Nullable String correctedName,
      @Nullable String reason,
      String decidedAt) {}

  private Row row(CitizenAppeal mine) {
    var a = mine.appeal();
    var d = a.decision();
    var identity = mine.identity();
    return new Row(
        a.id(),
        a.kind(),
        a.state().name(),
        a.text(),
        a.believedColour(),
        a.correctedName(),
        identity == null ? null : identity.documentType(),
        identity == null ? null : identity.maskedDocumentNumber(),
        identity == null ? null : identity.maskedName(),
        format.time(a.submittedAt()),
        mine.evidence().stream().map(f -> PageFile.of(f, format)).toList(),
        d == null
            ? null
            : new Answer(
                d.outcome().name(),
                d.correctedColour(),
                d.correctedName(),
                d.reason(),
                format.time(d.decidedAt())));
  }
}
