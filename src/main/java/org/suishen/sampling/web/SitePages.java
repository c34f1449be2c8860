package org.suishen.sampling.web;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suishen.sampling.internal.Custody;
import org.suishen.sampling.internal.SiteLedger;
import org.suishen.shared.problem.ErrorMessages;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CurrentActor;

/**
 * The site lead's page: the day's tubes of the site, packing sealed tubes into a transfer box and
 * handing boxes to transport. Forms that work without JavaScript.
 */
@Controller
class SitePages {

  static final String PAGE = "/sampling/site";

  private final SiteLedger ledger;
  private final Custody custody;
  private final ErrorMessages messages;
  private final org.springframework.context.MessageSource texts;
  private final Clock clock;

  SitePages(
      SiteLedger ledger,
      Custody custody,
      ErrorMessages messages,
      org.springframework.context.MessageSource texts,
      Clock clock) {
    this.ledger = ledger;
    this.custody = custody;
    this.messages = messages;
    this.texts = texts;
    this.clock = clock;
  }

  @GetMapping(PAGE)
  String site(Model model, Locale locale) {
    try {
      model.addAttribute("day", ledger.today(CurrentActor.get()));
    } catch (SuishenException e) {
      model.addAttribute("notAssigned", messages.message(e.code(), e.arguments(), locale));
    }
    model.addAttribute("zone", clock.getZone());
    return "sampling/site";
  }

  @PostMapping(PAGE + "/boxes")
  String pack(
      @RequestParam(required = false) @Nullable String boxBarcode,
      @RequestParam(required = false) @Nullable List<String> tubeBarcodes,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      var box = custody.pack(boxBarcode, tubeBarcodes, CurrentActor.get());
      redirect.addFlashAttribute(
          "done",
          texts.getMessage(
              "sampling.site.packed",
              new Object[] {box.barcode(), box.tubeBarcodes().size()},
              locale));
    } catch (SuishenException e) {
      refused(e, locale, redirect);
    }
    return "redirect:" + PAGE;
  }

  @PostMapping(PAGE + "/boxes/{barcode}/handover")
  String handOver(
      @PathVariable String barcode,
      @RequestParam(required = false) @Nullable String courier,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      var box = custody.handOver(barcode, courier, CurrentActor.get());
      redirect.addFlashAttribute(
          "done",
          texts.getMessage(
              "sampling.site.handed-over", new Object[] {box.barcode(), box.courier()}, locale));
    } catch (SuishenException e) {
      refused(e, locale, redirect);
    }
    return "redirect:" + PAGE;
  }

  private void refused(SuishenException e, Locale locale, RedirectAttributes redirect) {
    redirect.addFlashAttribute("errorCode", e.code());
    redirect.addFlashAttribute("errorMessage", messages.message(e.code(), e.arguments(), locale));
  }
}
