package org.suishen.offlinecode.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.offlinecode.internal.CitizenOfflineCodes;
import org.suishen.offlinecode.internal.OfflineCode;
import org.suishen.offlinecode.internal.OfflineCredential;
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
  private final Clock clock;

  MyOfflineCodeApi(CitizenOfflineCodes codes, Clock clock) {
    this.codes = codes;
    this.clock = clock;
  }

  @Schema(name = "OfflineCode", description = "A person's printed offline code as it stands")
  record OfflineCodeView(
      @Schema(
              description =
                  "NONE (never applied), VALID, EXPIRED (re-apply), LOST (reported lost: reissue at"
                      + " a kiosk or re-apply)",
              allowableValues = {"NONE", "VALID", "EXPIRED", "LOST"})
          String state,
      @Schema(allowableValues = {"FIRST", "REISSUE", "REAPPLY"}) @Nullable String operation,
      @Schema(allowableValues = {"KIOSK", "BANK_KIOSK", "PORTAL"}) @Nullable String channel,
      @Schema(example = "2026-04-02T01:00:00Z") @Nullable Instant issuedAt,
      @Schema(example = "2026-09-29T01:00:00Z") @Nullable Instant expiresAt,
      @Schema(example = "王*明") @Nullable String maskedName,
      @Schema(
              description = "The QR's signed token (no personal data); only when just issued",
              example = "SSC:Aw...")
          @Nullable String token,
      @Schema(description = "An earlier print was voided by this operation", example = "false")
          boolean voidedEarlier) {}

  private OfflineCodeView view(@Nullable OfflineCredential c) {
    if (c == null) {
      return new OfflineCodeView("NONE", null, null, null, null, null, null, false);
    }
    String state =
        c.voidedAt() != null ? "LOST" : c.expiredAt(clock.instant()) ? "EXPIRED" : "VALID";
    return new OfflineCodeView(
        state,
        c.operation(),
        c.channel().name(),
        c.issuedAt(),
        c.expiresAt(),
        c.maskedName(),
        null,
        false);
  }

  private OfflineCodeView issued(OfflineCode code) {
    var c = code.credential();
    return new OfflineCodeView(
        "VALID",
        c.operation(),
        c.channel().name(),
        c.issuedAt(),
        c.expiresAt(),
        c.maskedName(),
        code.token(),
        code.voidedEarlier());
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
  OfflineCodeView state(
      @Parameter(description = "A bound dependant's person id") @PathVariable(required = false)
          @Nullable UUID dependantId) {
    return view(codes.latest(who(dependantId)).orElse(null));
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
  OfflineCodeView apply(
      @Parameter(description = "A bound dependant's person id") @PathVariable(required = false)
          @Nullable UUID dependantId) {
    return issued(codes.apply(who(dependantId), CurrentActor.requireCitizen()));
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
  OfflineCodeView reapply(
      @Parameter(description = "A bound dependant's person id") @PathVariable(required = false)
          @Nullable UUID dependantId) {
    return issued(codes.reapply(who(dependantId), CurrentActor.requireCitizen()));
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
  OfflineCodeView reportLost(
      @Parameter(description = "A bound dependant's person id") @PathVariable(required = false)
          @Nullable UUID dependantId) {
    return view(codes.reportLost(who(dependantId), CurrentActor.requireCitizen()));
  }
}
