package org.suishen.natcode.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.natcode.internal.CitizenNatCodes;
import org.suishen.natcode.internal.NatCode;
import org.suishen.natcode.internal.SheetSize;
import org.suishen.shared.limits.PersonWriteLimits;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.security.CurrentActor;

/** The NAT code API of a signed-in citizen: one's own, and a bound dependant's (N1-N3). */
@RestController
@Tag(
    name = "NAT code",
    description = "The 30-day NAT code (核酸码, N1-N3), one's own and a bound dependant's")
class MyNatCodeApi {

  static final String OWN_PDF = "/api/me/natcode.pdf";

  private final CitizenNatCodes codes;
  private final Clock clock;

  MyNatCodeApi(CitizenNatCodes codes, Clock clock) {
    this.codes = codes;
    this.clock = clock;
  }

  static String dependantPdf(UUID dependantId) {
    return "/api/me/dependants/" + dependantId + "/natcode.pdf";
  }

  @PostMapping(path = "/api/me/natcode", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Generate my NAT code (one tap, no form)",
      description =
          "A new static code valid suishen.natcode.validity (30 days). Every earlier NAT code of"
              + " the person is void from now on (N2). Audited (natcode.issued). no-store.")
  @ApiResponse(responseCode = "201", description = "The new code")
  @Refusal(status = 403, code = "natcode.not-registered")
  @Refusal(status = 404, code = "natcode.person-unknown")
  @Refusal(status = 429, code = PersonWriteLimits.CODE)
  @Refusal(status = 503, code = "natcode.busy")
  ResponseEntity<NatCodeJson> generate() {
    NatCode code = codes.generateOwn(CurrentActor.requireCitizen());
    return ResponseEntity.created(URI.create("/api/me/natcode"))
        .cacheControl(CacheControl.noStore())
        .body(NatCodeJson.of(code, clock.instant(), OWN_PDF));
  }

  @GetMapping(path = "/api/me/natcode", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "My current NAT code",
      description =
          "The valid one; 404 natcode.none if none was generated or it expired. no-store.")
  @Refusal(status = 403, code = "natcode.not-registered")
  @Refusal(status = 404, code = "natcode.none")
  @Refusal(status = 404, code = "natcode.person-unknown")
  ResponseEntity<NatCodeJson> mine() {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(
            NatCodeJson.of(
                codes.validOwn(CurrentActor.requireCitizen()), clock.instant(), OWN_PDF));
  }

  @GetMapping(path = OWN_PDF, produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(
      summary = "My NAT code, printable (PDF)",
      description =
          "The valid code on an A4 page (default) or a wallet card (85.6 × 54 mm), fonts"
              + " embedded; inline, no-store.")
  @ApiResponse(
      responseCode = "200",
      description = "The PDF",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PDF_VALUE,
              schema = @Schema(type = "string", format = "binary")))
  @Refusal(status = 400, code = "natcode.pdf.size")
  @Refusal(status = 403, code = "natcode.not-registered")
  @Refusal(status = 404, code = "natcode.none")
  @Refusal(status = 404, code = "natcode.person-unknown")
  ResponseEntity<byte[]> myPdf(
      @Parameter(description = "A4 (default) or CARD", example = "A4")
          @RequestParam(required = false)
          @Nullable String size) {
    SheetSize sheet = SheetSize.of(size);
    return pdf(codes.printOwn(CurrentActor.requireCitizen(), sheet), sheet);
  }

  @PostMapping(
      path = "/api/me/dependants/{dependantId}/natcode",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Generate a bound dependant's NAT code (N3)",
      description =
          "Needs a standing binding (approved, not ended by coming of age). The dependant's"
              + " earlier NAT codes are void. Audited with both people (natcode.issued). no-store.")
  @ApiResponse(responseCode = "201", description = "The new code")
  @Refusal(status = 403, code = "natcode.not-registered")
  @Refusal(status = 403, code = "dependants.not-bound")
  @Refusal(status = 403, code = "dependants.came-of-age")
  @Refusal(status = 404, code = "natcode.person-unknown")
  @Refusal(status = 429, code = PersonWriteLimits.CODE)
  @Refusal(status = 503, code = "natcode.busy")
  ResponseEntity<NatCodeJson> generateFor(
      @Parameter(description = "The dependant's person id") @PathVariable UUID dependantId) {
    var shown = codes.generateFor(CurrentActor.requireCitizen(), dependantId);
    return ResponseEntity.created(URI.create("/api/me/dependants/" + dependantId + "/natcode"))
        .cacheControl(CacheControl.noStore())
        .body(NatCodeJson.of(shown.code(), clock.instant(), dependantPdf(dependantId)));
  }

  @GetMapping(
      path = "/api/me/dependants/{dependantId}/natcode",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "A bound dependant's current NAT code",
      description =
          "The valid one, to a holder with a standing binding. Audited with both people"
              + " (natcode.viewed). no-store.")
  @Refusal(status = 403, code = "natcode.not-registered")
  @Refusal(status = 403, code = "dependants.not-bound")
  @Refusal(status = 403, code = "dependants.came-of-age")
  @Refusal(status = 404, code = "natcode.none")
  @Refusal(status = 404, code = "natcode.person-unknown")
  ResponseEntity<NatCodeJson> dependantCode(
      @Parameter(description = "The dependant's person id") @PathVariable UUID dependantId) {
    var shown = codes.validOf(CurrentActor.requireCitizen(), dependantId);
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(NatCodeJson.of(shown.code(), clock.instant(), dependantPdf(dependantId)));
  }

  @GetMapping(
      path = "/api/me/dependants/{dependantId}/natcode.pdf",
      produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(
      summary = "A bound dependant's NAT code, printable (PDF)",
      description =
          "As for one's own, to a holder with a standing binding. Audited with both people"
              + " (natcode.printed, with the size).")
  @ApiResponse(
      responseCode = "200",
      description = "The PDF",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PDF_VALUE,
              schema = @Schema(type = "string", format = "binary")))
  @Refusal(status = 400, code = "natcode.pdf.size")
  @Refusal(status = 403, code = "natcode.not-registered")
  @Refusal(status = 403, code = "dependants.not-bound")
  @Refusal(status = 403, code = "dependants.came-of-age")
  @Refusal(status = 404, code = "natcode.none")
  @Refusal(status = 404, code = "natcode.person-unknown")
  ResponseEntity<byte[]> dependantPdf(
      @Parameter(description = "The dependant's person id") @PathVariable UUID dependantId,
      @Parameter(description = "A4 (default) or CARD", example = "A4")
          @RequestParam(required = false)
          @Nullable String size) {
    SheetSize sheet = SheetSize.of(size);
    return pdf(codes.printFor(CurrentActor.requireCitizen(), dependantId, sheet), sheet);
  }

  private static ResponseEntity<byte[]> pdf(byte[] pdf, SheetSize size) {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            "Content-Disposition",
            ContentDisposition.inline()
                .filename("natcode-" + size.name().toLowerCase(java.util.Locale.ROOT) + ".pdf")
                .build()
                .toString())
        .body(pdf);
  }
}
