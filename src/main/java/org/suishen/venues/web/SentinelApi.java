package org.suishen.venues.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CurrentActor;
import org.suishen.venues.internal.door.Doors;
import org.suishen.venues.internal.rule.EffectiveRule;
import org.suishen.venues.internal.rule.VenueRules;
import org.suishen.venues.internal.venue.Venues;
import org.suishen.venues.web.DoorViews.DecisionView;
import org.suishen.venues.web.DoorViews.PresentationRequest;

/** The digital sentinel (数字哨兵) at a venue's door (D1, D2, O10). */
@RestController
@Tag(name = "Venues: sentinel", description = "A venue's sentinel decides at the door (D1, D2)")
class SentinelApi {

  private final Doors doors;
  private final Venues venues;
  private final VenueRules rules;
  private final DoorViews views;
  private final Clock clock;

  SentinelApi(Doors doors, Venues venues, VenueRules rules, DoorViews views, Clock clock) {
    this.doors = doors;
    this.venues = venues;
    this.rules = rules;
    this.views = views;
    this.clock = clock;
  }

  @PostMapping("/api/sentinel/passages")
  @Operation(
      summary = "Decide a presentation at the door",
      description =
          "A live or proxy code's token, or an ID card from the reader, and the temperature where"
              + " the device measures. The venue's rule and every city rule over its kind apply"
              + " (the stricter wins). A refusal is an answer (admitted=false with its reason),"
              + " not an error. A decision about a person is recorded in the passage log before"
              + " the answer; a credential that names nobody for sure (forged, wrong type,"
              + " withdrawn, a card not in the register) is answered and not recorded.")
  @ApiResponse(responseCode = "200", description = "The decision")
  @Refusal(status = 400, code = "venues.door.credential-required")
  @Refusal(status = 400, code = "venues.door.token-invalid")
  @Refusal(status = 400, code = "venues.door.temperature-invalid")
  @Refusal(status = 400, code = "venues.card.number-required")
  @Refusal(status = 400, code = "venues.card.name-required")
  @Refusal(status = 400, code = "venues.passage.key-invalid")
  @Refusal(status = 400, code = "identity.document.unknown-type")
  @Refusal(status = 403, code = "venues.sentinel.unassigned")
  @Refusal(status = 403, code = "venues.sentinel.other-venue")
  @Refusal(status = 503, code = "venues.passage.busy")
  @Refusal(status = 503, code = "venues.passage.not-recorded")
  DecisionView decide(@RequestBody PresentationRequest request) {
    return views.view(doors.atSentinel(request.domain(), CurrentActor.get()), request.key());
  }

  @Schema(name = "OfflinePassage", description = "A passage the sentinel decided offline")
  record OfflinePassageRequest(
      @Schema(description = "What it read; key required")
          @Nullable PresentationRequest presentation,
      @Schema(description = "When the person passed", example = "2026-04-02T01:30:00Z")
          @Nullable Instant passedAt,
      @Schema(description = "The reason code the device decided", example = "admitted")
          @Nullable String reason,
      @Schema(description = "The colour the code carried at issue", example = "GREEN")
          @Nullable String colour) {}

  @Schema(name = "OfflineUpload", description = "Passages queued on the device, oldest first")
  record OfflineUploadRequest(
      @Schema(description = "At most 500") @Nullable List<OfflinePassageRequest> passages) {}

  @PostMapping("/api/sentinel/passages/offline")
  @Operation(
      summary = "Upload passages decided offline",
      description =
          "What the sentinel decided from the published keys and revocation feeds while the"
              + " centre could not be reached: recorded as decided (offline=true), all together"
              + " or none. Each needs its idempotency key; an upload sent again answers as the"
              + " first time and records nothing twice. A passage older than the configured"
              + " bound (72 h) is refused.")
  @ApiResponse(responseCode = "200", description = "One answer per passage, in order")
  @Refusal(status = 400, code = "venues.upload.empty")
  @Refusal(status = 400, code = "venues.upload.too-many")
  @Refusal(status = 400, code = "venues.upload.passed-at-invalid")
  @Refusal(status = 400, code = "venues.upload.reason-invalid")
  @Refusal(status = 400, code = "venues.upload.colour-invalid")
  @Refusal(status = 400, code = "venues.passage.key-required")
  @Refusal(status = 400, code = "venues.door.credential-required")
  @Refusal(status = 403, code = "venues.sentinel.unassigned")
  @Refusal(status = 403, code = "venues.sentinel.other-venue")
  List<DecisionView> upload(@RequestBody OfflineUploadRequest request) {
    var passages =
        request.passages() == null ? List.<OfflinePassageRequest>of() : request.passages();
    var domain =
        passages.stream()
            .map(
                p -> {
                  if (p == null || p.presentation() == null) {
                    throw SuishenException.badInput("venues.door.credential-required");
                  }
                  return new Doors.OfflinePassage(
                      p.presentation().domain(), p.passedAt(), p.reason(), p.colour());
                })
            .toList();
    var decisions = doors.uploadOffline(domain, CurrentActor.get());
    var answers = new java.util.ArrayList<DecisionView>(decisions.size());
    for (int i = 0; i < decisions.size(); i++) {
      answers.add(views.view(decisions.get(i), domain.get(i).presentation().key()));
    }
    return answers;
  }

  @Schema(name = "SentinelVenue", description = "The venue a sentinel stands at and its rule now")
  record SentinelVenueView(
      UUID venueId,
      @Schema(example = "正大广场") String name,
      @Schema(example = "浦东新区陆家嘴西路 168 号") String address,
      @Schema(example = "MALL") String kind,
      @Schema(description = "Colours every rule in force admits") List<String> admittedColours,
      @Schema(description = "Negative within hours (the strictest rule), or null", example = "48")
          @Nullable Integer negativeWithinHours,
      @Schema(description = "Or a sample within hours, or null", example = "24")
          @Nullable Integer sampledWithinHours,
      @Schema(example = "37.3") BigDecimal maxTemperature,
      @Schema(
              description = "What the sentinel does with an ID card while offline",
              allowableValues = {"REFUSE", "ADMIT_FLAGGED"})
          String offlineIdCard,
      @Schema(
              description = "The rule in the city's words, for the screen",
              example = "绿码 + 48 小时核酸阴性")
          String ruleText,
      Instant asOf) {}

  @GetMapping("/api/sentinel/venue")
  @Operation(
      summary = "The sentinel's venue and its rule",
      description =
          "What the sentinel shows on its screen and decides with while offline; it fetches this"
              + " again every few minutes.")
  @ApiResponse(responseCode = "200", description = "The venue and its effective rule")
  @Refusal(status = 403, code = "venues.sentinel.unassigned")
  SentinelVenueView venue() {
    var venue =
        venues
            .venueOf(CurrentActor.get())
            .orElseThrow(
                () -> new SuishenException("venues.sentinel.unassigned", HttpStatus.FORBIDDEN));
    Instant now = clock.instant();
    EffectiveRule rule = rules.effective(venue, now);
    return new SentinelVenueView(
        venue.id(),
        venue.name(),
        venue.address(),
        venue.kind().name(),
        rule.admittedColours().stream().map(Enum::name).sorted().toList(),
        rule.negativeWithinHours(),
        rule.sampledWithinHours(),
        rule.maxTemperature(),
        rules.venueRule(venue.id()).offlineIdCard().name(),
        RuleTexts.zh(rule),
        now);
  }
}
