package org.suishen.sampling.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.sampling.internal.PersonResults;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CurrentActor;

/** The person's own test results and their family's (S3). */
@RestController
@Tag(name = "Me: test results", description = "My results and my family's (S3)")
class MyResultsApi {

  private final PersonResults results;

  MyResultsApi(PersonResults results) {
    this.results = results;
  }

  @Schema(name = "MyTestResults", description = "My results, then my dependants' and infants'")
  record MyResultsView(
      @ArraySchema(schema = @Schema(implementation = ResultViews.PersonResultsView.class))
          List<ResultViews.PersonResultsView> people) {}

  @GetMapping("/api/me/results")
  @Operation(
      summary = "My test results and my family's",
      description =
          "Sampled when and where, single or pooled, the result and when it was reported: mine,"
              + " each bound dependant's and each infant's I registered by hand.")
  @ApiResponse(responseCode = "200", description = "The results")
  @Refusal(status = 403, code = "sampling.person.not-registered")
  MyResultsView mine() {
    var citizen = CurrentActor.requireCitizen();
    if (citizen.personId() == null) {
      throw SuishenException.forbidden("sampling.person.not-registered");
    }
    return new MyResultsView(
        results.forFamily(citizen.personId()).stream()
            .map(ResultViews.PersonResultsView::of)
            .toList());
  }
}
