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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.suishen.appeals.AppealKind;
import org.suishen.appeals.internal.AppealFiling;
import org.suishen.appeals.internal.AppealsProperties;
import org.suishen.appeals.internal.CitizenAppeal;
import org.suishen.appeals.internal.FilingRequest;
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

  /** What the person typed, shown again after a refusal. */
  record Form(
      @Nullable String kind,
      @Nullable String text,
      @Nullable String believedColour,
      @Nullable String correctedName) {}

  @GetMapping
  String page(@RequestParam(required = false) @Nullable UUID filed, Model model) {
    model.addAttribute("filed", filed);
    return render(model, new Form(null, null, null, null));
  }

  @PostMapping
  String file(
      @RequestParam(required = false) @Nullable String kind,
      @RequestParam(required = false) @Nullable String text,
      @RequestParam(required = false) @Nullable String believedColour,
      @RequestParam(required = false) @Nullable String correctedName,
      @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    try {
      var appeal =
          filing.file(
              CitizenAppealsApi.citizen(),
              new FilingRequest(
                  kind, text, believedColour, correctedName, EvidenceResponses.uploads(files)));
      return "redirect:/me/appeals?filed=" + appeal.id() + "#appeal-" + appeal.id();
    } catch (SuishenException e) {
      response.setStatus(e.status().value());
      model.addAttribute("errorCode", e.code());
      model.addAttribute("errorMessage", errors.message(e.code(), e.arguments(), locale));
      return render(model, new Form(kind, text, believedColour, correctedName));
    }
  }

  private String render(Model model, Form form) {
    List<CitizenAppeal> mine = filing.mine(CitizenAppealsApi.citizen());
    Set<AppealKind> open = EnumSet.noneOf(AppealKind.class);
    mine.stream().filter(m -> m.appeal().state().open()).forEach(m -> open.add(m.appeal().kind()));
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
    return new Row(
        a.id(),
        a.kind(),
        a.state().name(),
        a.text(),
        a.believedColour(),
        a.correctedName(),
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
