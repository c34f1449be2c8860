package org.suishen.sampling.web;

import java.time.Clock;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.suishen.identity.DocumentType;
import org.suishen.sampling.internal.SamplingProperties;
import org.suishen.sampling.internal.SamplingSites;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CurrentActor;
import org.suishen.shared.web.TerminalWorker;

/**
 * The sampler's page (采样登记页) at the sampling table, and the service worker that keeps it opening
 * without the network. Everything the page does goes through the sampling API; the page only says
 * where the session works, which tube sizes the city allows and the server's time.
 */
@Controller
class SamplerPage {

  private final SamplingSites sites;
  private final SamplingProperties properties;
  private final Clock clock;

  SamplerPage(SamplingSites sites, SamplingProperties properties, Clock clock) {
    this.sites = sites;
    this.properties = properties;
    this.clock = clock;
  }

  @GetMapping("/sampling")
  String page(Model model) {
    var actor = CurrentActor.get();
    try {
      model.addAttribute("site", sites.siteOf(actor));
    } catch (SuishenException e) {
      // not assigned, or the site closed: the page says so and registers nothing
      model.addAttribute("siteRefusal", e.code());
      model.addAttribute("siteRefusalArguments", e.arguments());
    }
    model.addAttribute("actor", actor.toString());
    model.addAttribute("tubeSizes", properties.tubeSizes().stream().sorted().toList());
    model.addAttribute("documentTypes", List.of(DocumentType.values()));
    model.addAttribute("serverTime", clock.millis());
    return "sampling/table";
  }

  /**
   * The service worker: its scope is the page, so the page opens from the device's cache when the
   * network is gone (see docs/sampling.md).
   */
  @GetMapping("/sampling/offline-worker.js")
  ResponseEntity<String> worker() {
    return TerminalWorker.of(
        "sampling",
        "sampling",
        List.of(
            "css/suishen.css",
            "css/sampling.css",
            "js/terminal.js",
            "js/sampling-table.js",
            "js/camera-scan.js",
            "js/vendor/zxing/zxing-library.min.js"));
  }
}
