package org.suishen.venues.web;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.suishen.shared.security.CurrentActor;
import org.suishen.shared.web.TerminalWorker;
import org.suishen.venues.internal.rule.DoorReason;
import org.suishen.venues.internal.rule.VenueRules;
import org.suishen.venues.internal.venue.Venues;

/**
 * The sentinel's screen (数字哨兵) at a venue's door, and the service worker that keeps it opening
 * without the network. Every decision goes through the sentinel API; offline the page decides from
 * the published keys and the revocation feed and queues the passages (sentinel.js, docs/venues.md
 * "The sentinel's page").
 */
@Controller
class SentinelPage {

  private final Venues venues;
  private final VenueRules rules;
  private final Clock clock;

  SentinelPage(Venues venues, VenueRules rules, Clock clock) {
    this.venues = venues;
    this.rules = rules;
    this.clock = clock;
  }

  @GetMapping("/sentinel")
  String page(Model model) {
    var actor = CurrentActor.get();
    venues
        .venueOf(actor)
        .ifPresent(
            venue -> {
              model.addAttribute("venue", venue);
              var rule = rules.effective(venue, clock.instant());
              model.addAttribute("ruleZh", RuleTexts.zh(rule));
              model.addAttribute("ruleEn", RuleTexts.en(rule));
            });
    model.addAttribute("actor", actor.toString());
    model.addAttribute("serverTime", clock.millis());
    model.addAttribute(
        "reasons", Arrays.stream(DoorReason.values()).map(DoorReason::code).toList());
    return "venues/sentinel";
  }

  @GetMapping("/sentinel/offline-worker.js")
  ResponseEntity<String> worker() {
    return TerminalWorker.of(
        "sentinel",
        "sentinel",
        List.of(
            "css/suishen.css",
            "css/venues.css",
            "js/terminal.js",
            "js/sentinel.js",
            "js/camera-scan.js",
            "js/vendor/zxing/zxing-library.min.js"));
  }
}
