package org.suishen.natcode.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.security.CurrentActor;

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
              + " the person is void from now on (N2).")
  @ApiResponse(responseCode = "201", description = "The new code")
  @Refusal(status = 403, code = "natcode.not-registered")
  ResponseEntity<NatCodeJson> generate() {
    NatCode code = codes.generateOwn(CurrentActor.requireCitizen());
    return ResponseEntity.created(URI.create("/api/me/natcode"))
        .cacheControl(CacheControl.noStore())
        .body(NatCodeJson.of(code, clock.instant(), OWN_PDF));
  }

  @GetMapping(path = "/api/me/natcode", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "My current NAT code")
  @Refusal(status = 404, code = "natcode.none")
  ResponseEntity<NatCodeJson> mine() {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(
            NatCodeJson.of(
                codes.validOwn(CurrentActor.requireCitizen()), clock.instant(), OWN_PDF));
  }

  @GetMapping(path = OWN_PDF, produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(summary = "My NAT code, printable (PDF)")
  @Refusal(status = 400, code = "natcode.pdf.size")
  @Refusal(status = 404, code = "natcode.none")
  ResponseEntity<byte[]> myPdf(
      @Parameter(description = "A4 (default) or CARD") @RequestParam(required = false)
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
          "Needs an approved binding. The dependant's earlier NAT codes are void. Audited with"
              + " both people.")
  @ApiResponse(responseCode = "201", description = "The new code")
  @Refusal(status = 403, code = "dependants.not-bound")
  @Refusal(status = 403, code = "natcode.not-registered")
  ResponseEntity<NatCodeJson> generateFor(@PathVariable UUID dependantId) {
    var shown = codes.generateFor(CurrentActor.requireCitizen(), dependantId);
    return ResponseEntity.created(URI.create("/api/me/dependants/" + dependantId + "/natcode"))
        .cacheControl(CacheControl.noStore())
        .body(NatCodeJson.of(shown.code(), clock.instant(), dependantPdf(dependantId)));
  }

  @GetMapping(
      path = "/api/me/dependants/{dependantId}/natcode",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "A bound dependant's current NAT code (audited)")
  @Refusal(status = 403, code = "dependants.not-bound")
  @Refusal(status = 404, code = "natcode.none")
  ResponseEntity<NatCodeJson> dependantCode(@PathVariable UUID dependantId) {
    var shown = codes.validOf(CurrentActor.requireCitizen(), dependantId);
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(NatCodeJson.of(shown.code(), clock.instant(), dependantPdf(dependantId)));
  }

  @GetMapping(
      path = "/api/me/dependants/{dependantId}/natcode.pdf",
      produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(summary = "A bound dependant's NAT code, printable (PDF; audited)")
  @Refusal(status = 403, code = "dependants.not-bound")
  @Refusal(status = 404, code = "natcode.none")
  ResponseEntity<byte[]> dependantPdf(
      @PathVariable UUID dependantId,
      @Parameter(description = "A4 (default) or CARD") @RequestParam(required = false)
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
