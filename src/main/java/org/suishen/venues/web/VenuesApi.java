package org.suishen.venues.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CurrentActor;
import org.suishen.status.Colour;
import org.suishen.venues.internal.passage.PassageCounts;
import org.suishen.venues.internal.rule.AdmissionRule;
import org.suishen.venues.internal.rule.VenueRules;
import org.suishen.venues.internal.rule.VenueRules.OfflineIdCard;
import org.suishen.venues.internal.venue.Venue;
import org.suishen.venues.internal.venue.VenuePosters;
import org.suishen.venues.internal.venue.Venues;

/** Venues, their rules, sentinels and staff, posters and figures (D2, X3). */
@RestController
@Tag(name = "Venues", description = "Venues, their rules, sentinels, staff and posters (D2)")
class VenuesApi {

  private final Venues venues;
  private final VenueRules rules;
  private final VenuePosters posters;
  private final PassageCounts counts;
  private final Clock clock;

  VenuesApi(
      Venues venues, VenueRules rules, VenuePosters posters, PassageCounts counts, Clock clock) {
    this.venues = venues;
    this.rules = rules;
    this.posters = posters;
    this.counts = counts;
    this.clock = clock;
  }

  @Schema(name = "VenueRequest", description = "A new venue")
  record VenueRequest(
      @Schema(example = "正大广场") @Nullable String name,
      @Schema(example = "浦东新区陆家嘴西路 168 号") @Nullable String address,
      @Schema(example = "浦东新区") @Nullable String district,
      @Schema(example = "陆家嘴街道") @Nullable String street,
      @Schema(example = "梅园居委会") @Nullable String community,
      @Schema(example = "MALL") @Nullable String kind,
      @Schema(
              description =
                  "The manager's staff login (VENUE_STAFF), when the authority registers it;"
                      + " venue staff registering their own venue manage it",
              example = "venue-0001")
          @Nullable String manager) {}

  @Schema(name = "Venue", description = "A venue with its rule")
  record VenueView(
      UUID id,
      @Schema(example = "正大广场") String name,
      @Schema(example = "浦东新区陆家嘴西路 168 号") String address,
      @Schema(example = "浦东新区") String district,
      @Schema(example = "陆家嘴街道") String street,
      @Schema(example = "梅园居委会") String community,
      @Schema(example = "MALL") String kind,
      @Schema(example = "venue-0001") String manager,
      @Schema(description = "The random code its poster carries", example = "V7K2M9QX4T")
          String venueCode,
      Instant codeRotatedAt,
      Instant registeredAt,
      RuleView rule,
      @Schema(
              description = "The rule in force now (with the city's rules), in words",
              example = "绿码 + 48 小时核酸阴性，体温 ≤ 37.3 °C")
          String ruleInForceZh,
      @Schema(example = "green code, negative within 48 h, temperature ≤ 37.3 °C")
          String ruleInForceEn) {}

  @Schema(name = "VenueRule", description = "What the venue's own door asks (data, not code)")
  record RuleView(
      @Schema(example = "[\"GREEN\"]") List<String> admittedColours,
      @Schema(description = "A negative test sampled within hours, or null", example = "48")
          @Nullable Integer negativeWithinHours,
      @Schema(
              description = "Or a sample taken within hours (either will do), or null",
              example = "24")
          @Nullable Integer sampledWithinHours,
      @Schema(example = "37.3") BigDecimal maxTemperature,
      @Schema(allowableValues = {"REFUSE", "ADMIT_FLAGGED"}) String offlineIdCard) {}

  @PostMapping("/api/venues")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Register a venue",
      description =
          "By its manager (venue staff, who then manage it) or by the health authority naming"
              + " the manager. Its rule is green only, no test, 37.3 °C until changed (audited).")
  @ApiResponse(responseCode = "201", description = "The venue")
  @Refusal(status = 400, code = "venues.venue.field-required")
  @Refusal(status = 400, code = "venues.venue.field-too-long")
  @Refusal(status = 400, code = "venues.venue.kind-invalid")
  @Refusal(status = 400, code = "venues.venue.manager-required")
  @Refusal(status = 400, code = "venues.venue.manager-invalid")
  VenueView register(@RequestBody VenueRequest request) {
    return view(
        venues.register(
            new Venues.NewVenue(
                request.name(),
                request.address(),
                request.district(),
                request.street(),
                request.community(),
                request.kind(),
                request.manager()),
            CurrentActor.get()));
  }

  @GetMapping("/api/venues")
  @Operation(
      summary = "The venues one manages",
      description = "A manager's own venues; the health authority and administrators see all.")
  @ApiResponse(responseCode = "200", description = "The venues")
  List<VenueView> list() {
    return venues.visibleTo(CurrentActor.get()).stream().map(this::view).toList();
  }

  @GetMapping("/api/venues/{venueId}")
  @Operation(summary = "One venue")
  @ApiResponse(responseCode = "200", description = "The venue")
  @Refusal(status = 404, code = "venues.venue.unknown")
  @Refusal(status = 403, code = "venues.venue.not-yours")
  VenueView one(@PathVariable UUID venueId) {
    return view(venues.manageable(venueId, CurrentActor.get()));
  }

  @PutMapping("/api/venues/{venueId}/rule")
  @Operation(
      summary = "Set the venue's rule",
      description =
          "Replaces the rule as a whole; it takes effect at once on this node and within the"
              + " cache time (30 s) on the others, without a restart (audited). A city rule over"
              + " the venue's kind still applies where it is stricter.")
  @ApiResponse(responseCode = "200", description = "The venue with its new rule")
  @Refusal(status = 400, code = "venues.rule.no-colour")
  @Refusal(status = 400, code = "venues.rule.colour-invalid")
  @Refusal(status = 400, code = "venues.rule.window-invalid")
  @Refusal(status = 400, code = "venues.rule.temperature-invalid")
  @Refusal(status = 400, code = "venues.rule.offline-id-card-invalid")
  @Refusal(status = 404, code = "venues.venue.unknown")
  @Refusal(status = 403, code = "venues.venue.not-yours")
  VenueView setRule(@PathVariable UUID venueId, @RequestBody RuleView request) {
    Venue venue = venues.manageable(venueId, CurrentActor.get());
    AdmissionRule rule =
        AdmissionRule.of(
            colours(request.admittedColours()),
            request.negativeWithinHours(),
            request.sampledWithinHours(),
            request.maxTemperature());
    rules.setVenueRule(
        venue, rule, OfflineIdCard.parse(request.offlineIdCard()), CurrentActor.get());
    return view(venue);
  }

  @Schema(name = "VenueMemberRequest", description = "A sentinel or staff member for the venue")
  record MemberRequest(
      @Schema(
              description = "A device id (VENUE_SENTINEL) or a staff login (VENUE_STAFF)",
              example = "sentinel-0001")
          @Nullable String login) {}

  @Schema(name = "VenueMember", description = "A sentinel or staff member working at a venue")
  record MemberView(
      @Schema(example = "sentinel-0001") String login,
      @Schema(allowableValues = {"STAFF", "DEVICE"}) String accountKind,
      UUID venueId) {}

  @PostMapping("/api/venues/{venueId}/members")
  @Operation(
      summary = "Bind a sentinel or staff member to the venue",
      description =
          "One venue at a time: binding moves the account from any other (audited). A sentinel"
              + " decides for the venue it is bound to, and only for it.")
  @ApiResponse(responseCode = "200", description = "The binding")
  @Refusal(status = 404, code = "venues.venue.unknown")
  @Refusal(status = 403, code = "venues.venue.not-yours")
  @Refusal(status = 404, code = "venues.member.unknown-account")
  @Refusal(status = 400, code = "venues.member.not-venue-account")
  MemberView assign(@PathVariable UUID venueId, @RequestBody MemberRequest request) {
    var m = venues.assign(venueId, request.login(), CurrentActor.get());
    return new MemberView(m.login(), m.accountKind(), m.venueId());
  }

  @GetMapping("/api/venues/{venueId}/members")
  @Operation(summary = "The venue's sentinels and staff")
  @ApiResponse(responseCode = "200", description = "The members")
  @Refusal(status = 404, code = "venues.venue.unknown")
  @Refusal(status = 403, code = "venues.venue.not-yours")
  List<MemberView> members(@PathVariable UUID venueId) {
    return venues.members(venueId, CurrentActor.get()).stream()
        .map(m -> new MemberView(m.login(), m.accountKind(), m.venueId()))
        .toList();
  }

  @PostMapping("/api/venues/{venueId}/code-rotation")
  @Operation(
      summary = "Rotate the venue code",
      description =
          "A new random code: every copy of the old poster stops working at once (a photo of it"
              + " sent elsewhere records nothing more). Print the new poster (audited).")
  @ApiResponse(responseCode = "200", description = "The venue with its new code")
  @Refusal(status = 404, code = "venues.venue.unknown")
  @Refusal(status = 403, code = "venues.venue.not-yours")
  VenueView rotate(@PathVariable UUID venueId) {
    return view(venues.rotateCode(venueId, CurrentActor.get()));
  }

  @GetMapping(
      value = "/api/venues/{venueId}/poster.pdf",
      produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(
      summary = "The venue's poster (场所码) as a PDF",
      description =
          "A4: the venue's name and address and the QR that opens the self-scan page; the"
              + " Chinese font is embedded.")
  @ApiResponse(responseCode = "200", description = "The PDF")
  @Refusal(status = 404, code = "venues.venue.unknown")
  @Refusal(status = 403, code = "venues.venue.not-yours")
  ResponseEntity<byte[]> poster(@PathVariable UUID venueId) {
    Venue venue = venues.manageable(venueId, CurrentActor.get());
    String url =
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path("/me/venue/{code}")
            .buildAndExpand(venue.venueCode())
            .toUriString();
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("venue-code-" + venue.venueCode() + ".pdf")
                .build()
                .toString())
        .body(posters.render(venue, url));
  }

  @Schema(name = "VenueDayCounts", description = "A day's passages at the venue: counts only")
  record CountsView(
      @Schema(example = "2026-04-02") LocalDate day,
      @Schema(example = "1830") long admitted,
      @Schema(example = "42") long refused,
      @Schema(description = "Decided by its sentinels", example = "1700") long sentinel,
      @Schema(description = "Checked by its staff", example = "60") long staffCheck,
      @Schema(description = "Self-scans of its poster (claims)", example = "112") long selfScan,
      @Schema(description = "Decided while offline, uploaded later", example = "3") long offline) {}

  @GetMapping("/api/venues/{venueId}/counts")
  @Operation(
      summary = "The venue's passages of a day, counted",
      description = "Counts only: who passed is for the health authority's trace queries.")
  @ApiResponse(responseCode = "200", description = "The counts")
  @Refusal(status = 404, code = "venues.venue.unknown")
  @Refusal(status = 403, code = "venues.venue.not-yours")
  CountsView counts(
      @PathVariable UUID venueId,
      @Parameter(description = "The day in the city's time; default today", example = "2026-04-02")
          @RequestParam(required = false)
          @Nullable LocalDate day) {
    Venue venue = venues.manageable(venueId, CurrentActor.get());
    LocalDate date = day == null ? LocalDate.now(clock) : day;
    var c = counts.of(venue.id(), date, clock.getZone());
    return new CountsView(
        c.day(),
        c.admitted(),
        c.refused(),
        c.sentinel(),
        c.staffCheck(),
        c.selfScan(),
        c.offline());
  }

  VenueView view(Venue venue) {
    var own = rules.venueRule(venue.id());
    var inForce = rules.effective(venue, clock.instant());
    return new VenueView(
        venue.id(),
        venue.name(),
        venue.address(),
        venue.district(),
        venue.street(),
        venue.community(),
        venue.kind().name(),
        venue.manager(),
        venue.venueCode(),
        venue.codeRotatedAt(),
        venue.registeredAt(),
        ruleView(own.rule(), own.offlineIdCard().name()),
        RuleTexts.zh(inForce),
        RuleTexts.en(inForce));
  }

  static RuleView ruleView(AdmissionRule rule, String offlineIdCard) {
    return new RuleView(
        rule.admittedColours().stream().sorted().map(Enum::name).toList(),
        rule.negativeWithinHours(),
        rule.sampledWithinHours(),
        rule.maxTemperature(),
        offlineIdCard);
  }

  static @Nullable Set<Colour> colours(@Nullable List<String> names) {
    if (names == null) {
      return null;
    }
    var colours = EnumSet.noneOf(Colour.class);
    for (String name : names) {
      try {
        colours.add(Colour.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw SuishenException.badInput("venues.rule.colour-invalid");
      }
    }
    return colours;
  }
}
