package org.suishen.declaration.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.suishen.declaration.FeverClinicAdvice;
import org.suishen.declaration.Guardian;
import org.suishen.declaration.HealthDeclarations;
import org.suishen.declaration.Symptom;
import org.suishen.declaration.internal.DeclarationProperties;
import org.suishen.declaration.internal.GuardianDeclarations;
import org.suishen.declaration.internal.Regions;
import org.suishen.shared.security.CitizenPrincipal;
import org.suishen.shared.security.CurrentActor;

/**
 * {@code /me/declaration}: the mobile form (submitted by {@code /js/declaration-form.js} to the
 * API, refusals shown inline) and the person's latest declaration. {@code
 * /me/dependants/{dependantId}/declaration}: the same form for a holder who declares for a bound
 * dependant; after it the holder goes on to the dependant's proxy code.
 */
@Controller
class DeclarationPageController {

  private final HealthDeclarations declarations;
  private final GuardianDeclarations guardians;
  private final DeclarationProperties properties;
  private final Clock clock;
  private final FeverClinicAdvice feverClinic;
  private final MessageSource messages;

  DeclarationPageController(
      HealthDeclarations declarations,
      GuardianDeclarations guardians,
      DeclarationProperties properties,
      Clock clock,
      FeverClinicAdvice feverClinic,
      MessageSource messages) {
    this.declarations = declarations;
    this.guardians = guardians;
    this.properties = properties;
    this.clock = clock;
    this.feverClinic = feverClinic;
    this.messages = messages;
  }

  /** How many declarations the own page lists: two weeks of daily ones and some. */
  private static final int HISTORY = 20;

  @GetMapping("/me/declaration")
  String declaration(@AuthenticationPrincipal CitizenPrincipal citizen, Model model) {
    var personId = citizen.personId();
    model.addAttribute("registered", personId != null);
    if (personId != null) {
      // the latest first, then the earlier ones as the person's own history (issue 11)
      var history = declarations.history(personId, HISTORY);
      var latest = history.stream().findFirst();
      model.addAttribute("latest", latest.map(DeclarationView::of).orElse(null));
      model.addAttribute("feverClinic", latest.map(feverClinic::advises).orElse(false));
      model.addAttribute("history", history.stream().skip(1).map(DeclarationView::of).toList());
    }
    model.addAttribute("api", "/api/me/declarations");
    model.addAttribute("doneUrl", "/me/declaration?done");
    model.addAttribute("backUrl", "/me");
    return form(model);
  }

  /** Refused (the page of refusals) without a standing binding, before anything is read. */
  @GetMapping("/me/dependants/{dependantId}/declaration")
  String forDependant(
      @AuthenticationPrincipal CitizenPrincipal citizen,
      @PathVariable UUID dependantId,
      Locale locale,
      Model model) {
    Guardian guardian = guardians.guardian(RegisteredPerson.of(citizen), dependantId);
    model.addAttribute("registered", true);
    model.addAttribute("dependantName", named(guardian, locale));
    var latest = guardians.latest(guardian, CurrentActor.get());
    model.addAttribute("latest", latest.map(DeclarationView::of).orElse(null));
    model.addAttribute("feverClinic", latest.map(feverClinic::advises).orElse(false));
    String dependant = "/me/dependants/" + dependantId;
    model.addAttribute("api", "/api" + dependant + "/declarations");
    model.addAttribute("doneUrl", dependant + "/code?declared");
    model.addAttribute("backUrl", "/me/dependants");
    return form(model);
  }

  /**
   * The dependant as the page names them: the masked name, with who they are to the holder when the
   * binding says (刘*轩（子女）), so that a holder of two children sees which one this is.
   */
  private String named(Guardian guardian, Locale locale) {
    String key = guardian.relationshipMessageKey();
    if (key == null) {
      return guardian.dependantMaskedName();
    }
    return messages.getMessage(
        "declaration.dependant.named",
        new Object[] {guardian.dependantMaskedName(), messages.getMessage(key, null, locale)},
        locale);
  }

  private String form(Model model) {
    LocalDate today = LocalDate.now(clock);
    model.addAttribute("today", today);
    model.addAttribute("earliest", today.minusDays(properties.regionWindowDays()));
    model.addAttribute("symptoms", List.of(Symptom.values()));
    model.addAttribute("provinces", Regions.PROVINCES);
    model.addAttribute("temperatureMin", properties.temperatureMin());
    model.addAttribute("temperatureMax", properties.temperatureMax());
    return "declaration/declaration";
  }
}
