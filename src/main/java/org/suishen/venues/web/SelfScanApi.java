package org.suishen.venues.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CurrentActor;
import org.suishen.venues.internal.door.Doors;
import org.suishen.venues.internal.rule.VenueRules;
import org.suishen.venues.internal.venue.Venues;
import org.suishen.venues.web.DoorViews.DecisionView;

/** A citizen scanning a venue's poster (场所码): a claim, recorded with its provenance. */
@RestController
@Tag(name = "Venues: venue code", description = "A citizen scans a venue's poster code")
class SelfScanApi {

  private final Doors doors;
  private final Venues venues;
  private final VenueRules rules;
  private final DoorViews views;
  private final java.time.Clock clock;

  SelfScanApi(
      Doors doors, Venues venues, VenueRules rules, DoorViews views, java.time.Clock clock) {
    this.doors = doors;
    this.venues = venues;
    this.rules = rules;
    this.views = views;
    this.clock = clock;
  }

  @Schema(name = "SelfScanRequest", description = "The venue code read from the poster")
  record SelfScanRequest(@Schema(example = "V7K2M9QX4T") @Nullable String venueCode) {}

  @Schema(name = "SelfScan", description = "What the person shows the staff at the door")
  record SelfScanView(
      DecisionView decision,
      @Schema(description = "The code scanned", example = "V7K2M9QX4T") String venueCode,
      @Schema(example = "正大广场") String venueName,
      @Schema(example = "浦东新区陆家嘴西路 168 号") String venueAddress,
      @Schema(example = "绿码 + 48 小时核酸阴性，体温 ≤ 37.3 °C") String ruleZh,
      @Schema(example = "green code, negative within 48 h, temperature ≤ 37.3 °C") String ruleEn) {}

  @PostMapping("/api/me/passages")
  @Operation(
      summary = "Record my passage at a venue by its poster code",
      description =
          "Records the passage as a self-scan (a claim, not a proof: trace queries say so) and"
              + " answers with the person's colour, latest test and whether the venue's rule"
              + " admits them, to show the staff at the door.")
  @ApiResponse(responseCode = "200", description = "The passage and what to show")
  @Refusal(status = 404, code = "venues.code.unknown")
  @Refusal(status = 403, code = "venues.self-scan.not-registered")
  @Refusal(status = 503, code = "venues.passage.busy")
  @Refusal(status = 503, code = "venues.passage.not-recorded")
  SelfScanView scan(@RequestBody SelfScanRequest request) {
    var citizen = CurrentActor.requireCitizen();
    if (citizen.personId() == null) {
      throw new SuishenException("venues.self-scan.not-registered", HttpStatus.FORBIDDEN);
    }
    var decision = doors.selfScan(request.venueCode(), citizen.personId(), CurrentActor.get());
    var venue = venues.require(decision.venueId());
    var rule = rules.effective(venue, clock.instant());
    return new SelfScanView(
        views.view(decision, null),
        venue.venueCode(),
        venue.name(),
        venue.address(),
        RuleTexts.zh(rule),
        RuleTexts.en(rule));
  }
}
