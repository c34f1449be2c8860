package org.suishen.healthcode.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.suishen.healthcode.internal.HealthCodeProperties;
import org.suishen.healthcode.internal.code.LiveCodes;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CurrentActor;

/** The citizen's code page and the staff scan page. */
@Controller
class HealthCodePages {

  private final LiveCodes codes;
  private final HealthCodeProperties properties;

  HealthCodePages(LiveCodes codes, HealthCodeProperties properties) {
    this.codes = codes;
    this.properties = properties;
  }

  /**
   * The code page; a person who cannot have a code yet is taken to the step that gets them one
   * (issue 11: "please declare first" leads to the form, not to an error page): not registered →
   * real-name registration, not declared → the declaration form, which says why.
   */
  @GetMapping("/me/code")
  String code(Model model) {
    try {
      codes.eligiblePersonOf(CurrentActor.requireCitizen());
    } catch (SuishenException e) {
      switch (e.code()) {
        case "healthcode.not-registered" -> {
          return "redirect:/me/register";
        }
        case "healthcode.declaration-required" -> {
          return "redirect:/me/declaration?first";
        }
        default -> throw e;
      }
    }
    model.addAttribute("refreshSeconds", properties.refreshAfter().toSeconds());
    return "healthcode/code";
  }

  @GetMapping("/scan")
  String scan() {
    return "healthcode/scan";
  }
}
