package org.suishen.venues.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.suishen.identity.DocumentType;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CurrentActor;
import org.suishen.venues.internal.door.Doors;
import org.suishen.venues.internal.passage.PassageCounts;
import org.suishen.venues.internal.rule.VenueRules;
import org.suishen.venues.internal.venue.Venue;
import org.suishen.venues.internal.venue.Venues;

/**
 * The pages of the venue side other than the sentinel's: the venue staff's desk (their venue's rule
 * and day counts, a code checked with their phone, the poster and its rotation), the page a
 * citizen's phone opens from a venue's poster, and the health authority's trace queries (which run
 * on the trace API, venue-trace.js).
 */
@Controller
class VenuePages {

  private final Venues venues;
  private final VenueRules rules;
  private final Doors doors;
  private final PassageCounts counts;
  private final DoorViews views;
  private final Clock clock;

  VenuePages(
      Venues venues,
      VenueRules rules,
      Doors doors,
      PassageCounts counts,
      DoorViews views,
      Clock clock) {
    this.venues = venues;
    this.rules = rules;
    this.doors = doors;
    this.counts = counts;
    this.views = views;
    this.clock = clock;
  }

  // ---------------------------------------------------------------- venue staff

  @GetMapping("/venue")
  String desk(
      Model model, @RequestParam(required = false) @Nullable String rotated, Locale locale) {
    deskModel(model, locale);
    model.addAttribute("rotated", rotated != null);
    return "venues/desk";
  }

  @PostMapping("/venue/check")
  String check(@RequestParam(required = false) @Nullable String token, Model model, Locale locale) {
    try {
      var decision =
          doors.staffCheck(
              new Doors.Presentation(token, null, null, null, null), CurrentActor.get());
      model.addAttribute("decision", views.view(decision, null));
    } catch (SuishenException e) {
      model.addAttribute("refusal", e.code());
      model.addAttribute("refusalArguments", e.arguments());
    }
    deskModel(model, locale);
    return "venues/desk";
  }

  @PostMapping("/venue/code-rotation")
  String rotate(@RequestParam java.util.UUID venueId) {
    venues.rotateCode(venueId, CurrentActor.get());
    return "redirect:/venue?rotated";
  }

  private void deskModel(Model model, Locale locale) {
    var actor = CurrentActor.get();
    Venue venue =
        venues
            .venueOf(actor)
            .orElseGet(() -> venues.visibleTo(actor).stream().findFirst().orElse(null));
    if (venue == null) {
      return;
    }
    venue =
        venues.require(venue.id()); // fresh: the member cache may hold the code before a rotation
    var rule = rules.effective(venue, clock.instant());
    model.addAttribute("venue", venue);
    model.addAttribute("rule", english(locale) ? RuleTexts.en(rule) : RuleTexts.zh(rule));
    model.addAttribute("counts", counts.of(venue.id(), LocalDate.now(clock), clock.getZone()));
    model.addAttribute("manages", venue.manager().equals(actor.id()));
  }

  // ---------------------------------------------------------------- the citizen at the poster

  @GetMapping("/me/venue/{code}")
  String poster(@PathVariable String code, Model model, Locale locale) {
    venueModel(code, model, locale);
    return "venues/self-scan";
  }

  @PostMapping("/me/venue/{code}")
  String selfScan(@PathVariable String code, Model model, Locale locale) {
    var citizen = CurrentActor.requireCitizen();
    if (venueModel(code, model, locale)) {
      if (citizen.personId() == null) {
        model.addAttribute("refusal", "venues.self-scan.not-registered");
      } else {
        var decision = doors.selfScan(code, citizen.personId(), CurrentActor.get());
        model.addAttribute("decision", views.view(decision, null));
      }
    }
    return "venues/self-scan";
  }

  private boolean venueModel(String code, Model model, Locale locale) {
    var venue = venues.byCode(code.strip());
    model.addAttribute("code", code);
    if (venue.isEmpty()) {
      return false;
    }
    var rule = rules.effective(venue.get(), clock.instant());
    model.addAttribute("venue", venue.get());
    model.addAttribute("rule", english(locale) ? RuleTexts.en(rule) : RuleTexts.zh(rule));
    return true;
  }

  // ---------------------------------------------------------------- the health authority

  @GetMapping("/authority/traces")
  String traces(Model model) {
    model.addAttribute("documentTypes", List.of(DocumentType.values()));
    model.addAttribute("today", LocalDate.now(clock));
    return "venues/traces";
  }

  private static boolean english(Locale locale) {
    return "en".equals(locale.getLanguage());
  }
}
