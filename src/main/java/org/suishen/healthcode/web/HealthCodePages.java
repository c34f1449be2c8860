package org.suishen.healthcode.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.suishen.healthcode.internal.HealthCodeProperties;
import org.suishen.healthcode.internal.code.LiveCodes;
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

  @GetMapping("/me/code")
  String code(Model model) {
    codes.eligiblePersonOf(CurrentActor.requireCitizen());
    model.addAttribute("refreshSeconds", properties.refreshAfter().toSeconds());
    return "healthcode/code";
  }

  @GetMapping("/scan")
  String scan() {
    return "healthcode/scan";
  }
}
