package org.suishen.sampling.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.sampling.internal.PersonResults;

/** How test results are shown in the API: to the person, their family, and staff. */
final class ResultViews {

  private ResultViews() {}

  @Schema(name = "TestResult", description = "One sample and what it came to")
  record ResultView(
      @Schema(example = "2026-04-02T00:12:00Z") Instant sampledAt,
      @Schema(example = "天平街道采样点") String siteName,
      @Schema(example = "徐汇区天平路 123 号") String siteAddress,
      @Schema(example = "000000001236") String tubeBarcode,
      @Schema(description = "A pooled tube (混管)", example = "true") boolean pooled,
      @Schema(
              description =
                  "PENDING (in the lab), NEGATIVE, POSITIVE (a single tube), RETEST (a positive"
                      + " pooled tube: a single-tube retest is needed), INVALID (to be sampled"
                      + " again)",
              allowableValues = {"PENDING", "NEGATIVE", "POSITIVE", "RETEST", "INVALID"})
          String state,
      @Schema(description = "When the lab reported; null while pending")
          @Nullable Instant reportedAt) {

    static ResultView of(PersonResults.Result r) {
      return new ResultView(
          r.sampledAt(),
          r.siteName(),
          r.siteAddress(),
          r.tubeBarcode(),
          r.pooled(),
          r.state().name(),
          r.reportedAt());
    }
  }

  @Schema(name = "PersonTestResults", description = "One person's results, newest first")
  record PersonResultsView(
      @Schema(example = "6f1c2b1e-8a51-4c1e-9d0a-3f1e2d4c5b6a") UUID personId,
      @Schema(description = "The name (others masked)", example = "王*明") String name,
      @Schema(
              description =
                  "SELF, the dependant's relationship (CHILD, PARENT, ...), INFANT or PERSON",
              example = "SELF")
          String relation,
      @ArraySchema(schema = @Schema(implementation = ResultView.class)) List<ResultView> results) {

    static PersonResultsView of(PersonResults.Of of) {
      return new PersonResultsView(
          of.personId(),
          of.name(),
          of.relation(),
          of.results().stream().map(ResultView::of).toList());
    }
  }
}
