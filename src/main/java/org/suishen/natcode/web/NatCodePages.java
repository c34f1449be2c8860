package org.suishen.natcode.web;

import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suishen.natcode.internal.CitizenNatCodes;
import org.suishen.natcode.internal.NatCodeProperties;
import org.suishen.natcode.internal.SheetSize;
import org.suishen.shared.security.CurrentActor;

/**
 * The NAT code pages: the citizen's own (/me/natcode) and a bound dependant's
 * (/me/dependants/{dependantId}/natcode), with one button to generate (a form: works without
 * JavaScript) and links to print.
 */
@Controller
class NatCodePages {

  private static final String OWN = "/me/natcode";

  private final CitizenNatCodes codes;
  private final NatCodeProperties properties;
  private final Clock clock;

  NatCodePages(CitizenNatCodes codes, NatCodeProperties properties, Clock clock) {
    this.codes = codes;
    this.properties = properties;
    this.clock = clock;
  }

  @GetMapping(OWN)
  String own(Model model) {
    var current = codes.own(CurrentActor.requireCitizen());
    var view =
        NatCodeView.of(
            current.person().maskedName(),
            false,
            null,
            current.code(),
            clock,
            OWN,
            MyNatCodeApi.OWN_PDF,
            "/me");
    return show(model, view);
  }

  @PostMapping(OWN)
  String generateOwn(RedirectAttributes redirect) {
    var code = codes.generateOwn(CurrentActor.requireCitizen());
    redirect.addFlashAttribute("done", code.replacedEarlier() ? "replaced" : "first");
    return "redirect:" + OWN;
  }

  @GetMapping("/me/dependants/{dependantId}/natcode")
  String dependant(@PathVariable UUID dependantId, Model model) {
    var current = codes.of(CurrentActor.requireCitizen(), dependantId);
    var view =
        NatCodeView.of(
            current.person().maskedName(),
            true,
            current.relationship(),
            current.code(),
            clock,
            dependantPage(dependantId),
            MyNatCodeApi.dependantPdf(dependantId),
            "/me/dependants");
    return show(model, view);
  }

  @PostMapping("/me/dependants/{dependantId}/natcode")
  String generateFor(@PathVariable UUID dependantId, RedirectAttributes redirect) {
    var shown = codes.generateFor(CurrentActor.requireCitizen(), dependantId);
    redirect.addFlashAttribute("done", shown.code().replacedEarlier() ? "replaced" : "first");
    return "redirect:" + dependantPage(dependantId);
  }

  /** The print button of the dependants list: the PDF if there is a valid code, else its page. */
  @GetMapping("/me/dependants/{dependantId}/natcode/print")
  String print(
      @PathVariable UUID dependantId,
      @RequestParam(required = false) @Nullable String size,
      RedirectAttributes redirect) {
    SheetSize sheet = SheetSize.of(size);
    if (codes.hasValidCode(CurrentActor.requireCitizen(), dependantId)) {
      return "redirect:" + MyNatCodeApi.dependantPdf(dependantId) + "?size=" + sheet.name();
    }
    redirect.addFlashAttribute("printNeedsCode", true);
    return "redirect:" + dependantPage(dependantId);
  }

  private String show(Model model, NatCodeView view) {
    model.addAttribute("view", view);
    model.addAttribute("validityDays", properties.validity().toDays());
    return "natcode/natcode";
  }

  private static String dependantPage(UUID dependantId) {
    return "/me/dependants/" + dependantId + "/natcode";
  }
}
