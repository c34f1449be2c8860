package org.suishen.declaration.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.suishen.declaration.HealthDeclarations;
import org.suishen.declaration.Symptom;
import org.suishen.declaration.internal.DeclarationProperties;
import org.suishen.declaration.internal.Regions;
import org.suishen.shared.security.CitizenPrincipal;

/**
 * {@code /me/declaration}: the mobile form (submitted by {@code /js/declaration-form.js} to the
 * API, refusals shown inline) and the person's latest declaration.
 */
@Controller
class DeclarationPageController {

  private final HealthDeclarations declarations;
  private final DeclarationProperties properties;
  private final Clock clock;

  DeclarationPageController(
      HealthDeclarations declarations, DeclarationProperties properties, Clock clock) {
    this.declarations = declarations;
    this.properties = properties;
    this.clock = clock;
  }

  @GetMapping("/me/declaration")
  String declaration(@AuthenticationPrincipal CitizenPrincipal citizen, Model model) {
    var personId = citizen.personId();
    model.addAttribute("registered", personId != null);
    if (personId != null) {
      model.addAttribute(
          "latest", declarations.latest(personId).map(DeclarationView::of).orElse(null));
    }
    LocalDate today = LocalDate.now(clock);
    model.addAttribute("today", today);
    model.addAttribute("earliest", today.minusDays(properties.regionWindowDays()));
    model.addAttribute("symptoms", List.of(Symptom.values()));
    model.addAttribute("provinces", Regions.PROVINCES);
    model.addAttribute("zone", clock.getZone());
    model.addAttribute("temperatureMin", properties.temperatureMin());
    model.addAttribute("temperatureMax", properties.temperatureMax());
    return "declaration/declaration";
  }
}
