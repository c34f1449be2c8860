package org.suishen.sampling.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.sampling.internal.PersonResults;
import org.suishen.sampling.internal.Recalls;
import org.suishen.sampling.internal.RoundDashboard;
import org.suishen.sampling.internal.SamplingReads;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.security.CurrentActor;

/**
 * The health authority's view of a testing round: the day's figures, recalls, a person's results.
 */
@RestController
@Tag(name = "Authority: testing round", description = "Round dashboard and recall lists (S3, S4)")
class SamplingAuthorityApi {

  private final RoundDashboard dashboard;
  private final Recalls recalls;
  private final PersonResults results;
  private final SamplingReads reads;
  private final Clock clock;

  SamplingAuthorityApi(
      RoundDashboard dashboard,
      Recalls recalls,
      PersonResults results,
      SamplingReads reads,
      Clock clock) {
    this.dashboard = dashboard;
    this.recalls = recalls;
    this.results = results;
    this.reads = reads;
    this.clock = clock;
  }

  @Schema(name = "RoundDay", description = "A testing day's figures")
  record DayView(
      @Schema(example = "2026-04-02") LocalDate day,
      @Schema(example = "1200") int openSites,
      @Schema(example = "2566000") long registrations,
      @Schema(example = "120") long tubesOpen,
      @Schema(example = "4000") long tubesSealed,
      @Schema(example = "9000") long tubesReceived,
      @Schema(example = "230000") long tubesResulted,
      @Schema(example = "12") long positiveTubes,
      @Schema(example = "3") long invalidTubes,
      @Schema(description = "People recalled and not yet answered (all days)", example = "130")
          long openRecalls) {}

  @Schema(name = "CommunityRecalls", description = "Open recalls in one community")
  record CommunityView(
      @Schema(example = "徐汇区") String district,
      @Schema(example = "天平路街道") String street,
      @Schema(example = "天平居委会") String community,
      @Schema(example = "10") int open) {}

  @Schema(name = "Recall", description = "A person to call back, masked")
  record RecallView(
      @Schema(example = "6f1c2b1e-8a51-4c1e-9d0a-3f1e2d4c5b6a") UUID personId,
      @Schema(example = "王*明") String maskedName,
      @Schema(example = "3101**********0035") String maskedDocumentNumber,
      @Schema(description = "Who brought them (a family member), masked", example = "李*")
          @Nullable String guardianMaskedName,
      @Schema(allowableValues = {"RETEST", "RESAMPLE"}) String kind,
      @Schema(example = "000000001236") String tubeBarcode,
      @Schema(example = "2026-04-02T00:12:00Z") Instant sampledAt,
      @Schema(example = "2026-04-02T12:00:00Z") Instant recalledAt,
      @Schema(example = "天平街道采样点") String siteName) {}

  @GetMapping("/api/authority/sampling/round")
  @Operation(
      summary = "A testing day's figures",
      description =
          "Sites open, people registered, tubes open / sealed / received / resulted, positive and"
              + " invalid tubes (opened that day, in the city's time), open recalls.")
  @ApiResponse(responseCode = "200", description = "The figures")
  DayView round(
      @Parameter(description = "The day; today when omitted", example = "2026-04-02")
          @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate day) {
    var d = dashboard.of(day == null ? LocalDate.now(clock) : day);
    return new DayView(
        d.day(),
        d.openSites(),
        d.registrations(),
        d.tubesOpen(),
        d.tubesSealed(),
        d.tubesReceived(),
        d.tubesResulted(),
        d.positiveTubes(),
        d.invalidTubes(),
        d.openRecalls());
  }

  @GetMapping("/api/authority/sampling/recalls")
  @Operation(
      summary = "Open recalls per community",
      description = "By the community of the sampling site (never the home address), most first.")
  @ApiResponse(responseCode = "200", description = "The counts")
  List<CommunityView> recalls() {
    return recalls.openPerCommunity().stream()
        .map(c -> new CommunityView(c.district(), c.street(), c.community(), c.open()))
        .toList();
  }

  @GetMapping("/api/authority/sampling/recalls/list")
  @Operation(
      summary = "The recall list of one community",
      description =
          "The people to call back, masked, oldest first (at most 500); each listed person is"
              + " audited as read.")
  @ApiResponse(responseCode = "200", description = "The list")
  @Refusal(status = 400, code = "sampling.recalls.community-required")
  List<RecallView> recallList(
      @Parameter(description = "The community", example = "天平居委会") @RequestParam(required = false)
          @Nullable String community) {
    return reads.recallList(community, CurrentActor.get()).stream()
        .map(
            r ->
                new RecallView(
                    r.personId(),
                    r.maskedName(),
                    r.maskedDocumentNumber(),
                    r.guardianMaskedName(),
                    r.kind().name(),
                    r.tubeBarcode(),
                    r.sampledAt(),
                    r.recalledAt(),
                    r.siteName()))
        .toList();
  }

  @GetMapping("/api/authority/sampling/persons/{personId}/results")
  @Operation(
      summary = "A person's test results",
      description = "Read by the health authority, audited (sampling.results.read).")
  @ApiResponse(responseCode = "200", description = "The results")
  @Refusal(status = 404, code = "sampling.person.unknown")
  ResultViews.PersonResultsView person(@PathVariable UUID personId) {
    return ResultViews.PersonResultsView.of(results.forStaff(personId, CurrentActor.get()));
  }
}
