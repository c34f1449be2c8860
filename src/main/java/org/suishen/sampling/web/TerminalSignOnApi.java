package org.suishen.sampling.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.sampling.internal.SamplingSites;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.security.CurrentActor;

/**
 * A sampler signs on at a sampling terminal of their site from their own logged-in session, so that
 * the terminal's registrations record who sampled, not only which device.
 */
@RestController
@Tag(
    name = "Sampling: tubes",
    description = "Tubes and registrations at the sampling table (S1, S2, S4)")
class TerminalSignOnApi {

  private final SamplingSites sites;

  TerminalSignOnApi(SamplingSites sites) {
    this.sites = sites;
  }

  @Schema(name = "TerminalSignOn", description = "A sampler working at a terminal")
  record SignOnView(
      @Schema(example = "sampling-0001") String terminal,
      @Schema(example = "zhang.wei") String sampler,
      @Schema(description = "The end of the shift", example = "2026-04-02T12:00:00Z")
          Instant expiresAt) {}

  @PostMapping("/api/sampling/terminals/{terminal}/sign-on")
  @Operation(
      summary = "Sign on at a sampling terminal",
      description =
          "The calling sampler works at this terminal of their site: its registrations record the"
              + " sampler too, until sign-off, another sampler's sign-on or 12 hours (audited).")
  @ApiResponse(responseCode = "200", description = "The sign-on")
  @Refusal(status = 409, code = "sampling.site.not-assigned")
  @Refusal(status = 404, code = "sampling.terminal.unknown")
  @Refusal(status = 409, code = "sampling.terminal.other-site")
  SignOnView signOn(
      @Parameter(description = "The terminal's device id", example = "sampling-0001") @PathVariable
          String terminal) {
    var s = sites.signOn(terminal, CurrentActor.get());
    return new SignOnView(s.terminal(), s.sampler(), s.expiresAt());
  }

  @PostMapping("/api/sampling/terminals/{terminal}/sign-off")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary = "Sign off a sampling terminal",
      description = "Ends the caller's sign-on (audited).")
  @ApiResponse(responseCode = "204", description = "Signed off")
  @Refusal(status = 404, code = "sampling.terminal.not-signed-on")
  void signOff(
      @Parameter(description = "The terminal's device id", example = "sampling-0001") @PathVariable
          String terminal) {
    sites.signOff(terminal, CurrentActor.get());
  }
}
