package org.suishen.offlinecode.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.offlinecode.internal.CitizenOfflineCodes;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.security.CurrentActor;

/**
 * The portal's offline code (O3-O7): mine, or a bound dependant's ({@code
 * /api/me/dependants/{dependantId}/offline-code}): apply, re-apply, report lost, and the state.
 */
@RestController
@Tag(name = "Me: offline code", description = "The printed offline code on the portal (O1-O7)")
class MyOfflineCodeApi {

  private final CitizenOfflineCodes codes;
  private final OfflineCodeViews views;

  MyOfflineCodeApi(CitizenOfflineCodes codes, OfflineCodeViews views) {
    this.codes = codes;
    this.views = views;
  }

  private CitizenOfflineCodes.For who(@Nullable UUID dependantId) {
    return codes.resolve(CurrentActor.requireCitizen(), dependantId);
  }

  @GetMapping({"/api/me/offline-code", "/api/me/dependants/{dependantId}/offline-code"})
  @Operation(
      summary = "My offline code, or a dependant's",
      description = "The state of the latest printed offline code.")
  @ApiResponse(responseCode = "200", description = "The code's state")
  @Refusal(status = 403, code = "offlinecode.not-registered")
  @Refusal(status = 403, code = "dependants.not-bound")
  OfflineCodeViews.OfflineCodeView state(
      @Parameter(description = "A bound dependant's person id") @PathVariable(required = false)
          @Nullable UUID dependantId) {
    return views.view(codes.latest(who(dependantId)).orElse(null));
  }

  @PostMapping({"/api/me/offline-code", "/api/me/dependants/{dependantId}/offline-code"})
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Apply for an offline code (首次申领)",
      description =
          "For an eligible person (under 18, 60 or older, or a disability certificate holder) who"
              + " never had one; valid 180 days. At most one application per person per day on"
              + " all channels (audited).")
  @ApiResponse(responseCode = "201", description = "The new code")
  @Refusal(status = 403, code = "offlinecode.not-registered")
  @Refusal(status = 403, code = "dependants.not-bound")
  @Refusal(status = 422, code = "offlinecode.not-eligible")
  @Refusal(status = 409, code = "offlinecode.already-applied")
  @Refusal(status = 409, code = "offlinecode.once-a-day")
  OfflineCodeViews.OfflineCodeView apply(
      @Parameter(description = "A bound dependant's person id") @PathVariable(required = false)
          @Nullable UUID dependantId) {
    return views.issued(codes.apply(who(dependantId), CurrentActor.requireCitizen()));
  }

  @PostMapping({
    "/api/me/offline-code/reapplication",
    "/api/me/dependants/{dependantId}/offline-code/reapplication"
  })
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Re-apply for an offline code (再次申领)",
      description =
          "A new code whose 180 days start again; every earlier print is void. Also the way back"
              + " after expiry (audited).")
  @ApiResponse(responseCode = "201", description = "The new code")
  @Refusal(status = 403, code = "offlinecode.not-registered")
  @Refusal(status = 403, code = "dependants.not-bound")
  @Refusal(status = 404, code = "offlinecode.none")
  @Refusal(status = 422, code = "offlinecode.not-eligible")
  @Refusal(status = 409, code = "offlinecode.once-a-day")
  OfflineCodeViews.OfflineCodeView reapply(
      @Parameter(description = "A bound dependant's person id") @PathVariable(required = false)
          @Nullable UUID dependantId) {
    return views.issued(codes.reapply(who(dependantId), CurrentActor.requireCitizen()));
  }

  @GetMapping(
      path = {"/api/me/offline-code.pdf", "/api/me/dependants/{dependantId}/offline-code.pdf"},
      produces = org.springframework.http.MediaType.APPLICATION_PDF_VALUE)
  @Operation(
      summary = "Download or print the offline code again (下载/二次打印)",
      description =
          "The valid code's printable sheet (A4 or CARD): the mark, the holder's name and expiry,"
              + " the ID number masked, the application time and the QR (audited).")
  @ApiResponse(responseCode = "200", description = "The PDF")
  @Refusal(status = 403, code = "offlinecode.not-registered")
  @Refusal(status = 403, code = "dependants.not-bound")
  @Refusal(status = 404, code = "offlinecode.none")
  @Refusal(status = 409, code = "offlinecode.lost")
  @Refusal(status = 409, code = "offlinecode.expired")
  @Refusal(status = 400, code = "offlinecode.pdf.size")
  org.springframework.http.ResponseEntity<byte[]> pdf(
      @Parameter(description = "A bound dependant's person id") @PathVariable(required = false)
          @Nullable UUID dependantId,
      @Parameter(description = "A4 (default) or CARD", example = "A4")
          @org.springframework.web.bind.annotation.RequestParam(required = false)
          @Nullable String size) {
    boolean card = OfflineCodeViews.card(size);
    byte[] pdf = codes.sheet(who(dependantId), CurrentActor.requireCitizen(), card);
    return OfflineCodeViews.pdf(pdf);
  }

  @PostMapping({"/api/me/offline-code/loss", "/api/me/dependants/{dependantId}/offline-code/loss"})
  @Operation(
      summary = "Report the offline code lost (挂失)",
      description = "Every earlier print is void at once (audited).")
  @ApiResponse(responseCode = "200", description = "The voided code")
  @Refusal(status = 403, code = "offlinecode.not-registered")
  @Refusal(status = 403, code = "dependants.not-bound")
  @Refusal(status = 404, code = "offlinecode.none")
  @Refusal(status = 409, code = "offlinecode.lost")
  OfflineCodeViews.OfflineCodeView reportLost(
      @Parameter(description = "A bound dependant's person id") @PathVariable(required = false)
          @Nullable UUID dependantId) {
    return views.view(codes.reportLost(who(dependantId), CurrentActor.requireCitizen()));
  }
}
