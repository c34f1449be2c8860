package org.suishen.venues.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.security.CurrentActor;
import org.suishen.venues.internal.rule.AdmissionRule;
import org.suishen.venues.internal.rule.VenueRules;
import org.suishen.venues.internal.rule.VenueRules.CityRule;
import org.suishen.venues.internal.venue.VenueKind;

/** The health authority's rules over every venue of a kind (D2, X3). */
@RestController
@Tag(name = "Venues: city rules", description = "City-wide rules over a kind of venue (D2)")
class CityVenueRulesApi {

  private final VenueRules rules;

  CityVenueRulesApi(VenueRules rules) {
    this.rules = rules;
  }

  @Schema(name = "CityVenueRuleRequest", description = "A rule over every venue of a kind")
  record CityRuleRequest(
      @Schema(example = "MALL") @Nullable String kind,
      @Schema(description = "From when; default now", example = "2026-06-06T00:00:00+08:00")
          @Nullable Instant effectiveFrom,
      @Schema(example = "[\"GREEN\"]") @Nullable List<String> admittedColours,
      @Schema(example = "72") @Nullable Integer negativeWithinHours,
      @Schema(example = "24") @Nullable Integer sampledWithinHours,
      @Schema(example = "37.3") @Nullable BigDecimal maxTemperature,
      @Schema(description = "Why (the notice it implements)", example = "市防控办通告 2026 第 5 号")
          @Nullable String reason) {}

  @Schema(name = "CityVenueRule", description = "A city rule over a kind of venue")
  record CityRuleView(
      UUID id,
      @Schema(example = "MALL") String kind,
      Instant effectiveFrom,
      @Schema(example = "[\"GREEN\"]") List<String> admittedColours,
      @Schema(example = "72") @Nullable Integer negativeWithinHours,
      @Schema(example = "24") @Nullable Integer sampledWithinHours,
      @Schema(example = "37.3") BigDecimal maxTemperature,
      @Schema(example = "市防控办通告 2026 第 5 号") String reason,
      Instant setAt,
      @Nullable Instant withdrawnAt) {

    static CityRuleView of(CityRule r) {
      return new CityRuleView(
          r.id(),
          r.kind().name(),
          r.effectiveFrom(),
          r.rule().admittedColours().stream().sorted().map(Enum::name).toList(),
          r.rule().negativeWithinHours(),
          r.rule().sampledWithinHours(),
          r.rule().maxTemperature(),
          r.reason(),
          r.setAt(),
          r.withdrawnAt());
    }
  }

  @PostMapping("/api/authority/venue-rules")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Lay a rule over every venue of a kind",
      description =
          "From effectiveFrom on, every venue of the kind asks this too: the stricter rule wins."
              + " Takes effect without a restart (audited).")
  @ApiResponse(responseCode = "201", description = "The rule")
  @Refusal(status = 400, code = "venues.venue.kind-invalid")
  @Refusal(status = 400, code = "venues.rule.no-colour")
  @Refusal(status = 400, code = "venues.rule.colour-invalid")
  @Refusal(status = 400, code = "venues.rule.window-invalid")
  @Refusal(status = 400, code = "venues.rule.temperature-invalid")
  @Refusal(status = 400, code = "venues.city-rule.reason-required")
  CityRuleView set(@RequestBody CityRuleRequest request) {
    VenueKind kind = VenueKind.parse(request.kind());
    AdmissionRule rule =
        AdmissionRule.of(
            VenuesApi.colours(request.admittedColours()),
            request.negativeWithinHours(),
            request.sampledWithinHours(),
            request.maxTemperature());
    return CityRuleView.of(
        rules.setCityRule(
            kind, request.effectiveFrom(), rule, request.reason(), CurrentActor.get()));
  }

  @GetMapping("/api/authority/venue-rules")
  @Operation(summary = "The city rules in force or to come", description = "Newest first.")
  @ApiResponse(responseCode = "200", description = "The rules")
  List<CityRuleView> list() {
    return rules.cityRules().stream().map(CityRuleView::of).toList();
  }

  @PostMapping("/api/authority/venue-rules/{ruleId}/withdrawal")
  @Operation(summary = "Withdraw a city rule", description = "At once, everywhere (audited).")
  @ApiResponse(responseCode = "200", description = "The withdrawn rule")
  @Refusal(status = 404, code = "venues.city-rule.unknown")
  CityRuleView withdraw(@PathVariable UUID ruleId) {
    return CityRuleView.of(rules.withdrawCityRule(ruleId, CurrentActor.get()));
  }
}
