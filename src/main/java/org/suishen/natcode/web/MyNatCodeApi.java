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
import org.suishen.natcode.internal.ProxyCodes;
import org.suishen.natcode.internal.SheetSize;
import org.suishen.shared.problem.Refusal;

@RestController
@Tag(
    name = "NAT code",
    description = "The 30-day NAT code (核酸码, N1-N3) and proxy codes for dependants (R4)")
class MyNatCodeApi {

  static final String OWN_PDF = "/api/me/natcode.pdf";

  private final CitizenNatCodes codes;
  private final ProxyCodes proxies;
  private final Clock clock;

  MyNatCodeApi(CitizenNatCodes codes, ProxyCodes proxies, Clock clock) {
    this.codes = codes;
    this.proxies = proxies;
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
    NatCode code = codes.generateOwn(Citizens.current());
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
        .body(NatCodeJson.of(codes.validOwn(Citizens.current()), clock.instant(), OWN_PDF));
  }

  @GetMapping(path = OWN_PDF, produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(summary = "My NAT code, printable (PDF)")
  @Refusal(status = 400, code = "natcode.pdf.size")
  @Refusal(status = 404, code = "natcode.none")
  ResponseEntity<byte[]> myPdf(
      @Parameter(description = "A4 (default) or CARD") @RequestParam(required = false)
          @Nullable String size) {
    SheetSize sheet = SheetSize.of(size);
    return pdf(codes.printOwn(Citizens.current(), sheet), sheet);
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
    var shown = codes.generateFor(Citizens.current(), dependantId);
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
    var shown = codes.validOf(Citizens.current(), dependantId);
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
    return pdf(codes.printFor(Citizens.current(), dependantId, sheet), sheet);
  }

  @GetMapping(
      path = "/api/me/dependants/{dependantId}/code",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "A bound dependant's proxy code (亲属随申码, R4)",
      description =
          "The dependant's live code for the family member's phone, freshly signed (valid"
              + " suishen.natcode.proxy.validity). The token names the holder too. Every showing"
              + " is audited with both people.")
  @Refusal(status = 403, code = "dependants.not-bound")
  ResponseEntity<ProxyCodeJson> proxyCode(@PathVariable UUID dependantId) {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(ProxyCodeJson.of(proxies.show(Citizens.current(), dependantId), dependantId));
  }

  @GetMapping("/api/me/dependants/{dependantId}/photo")
  @Operation(
      summary = "A bound dependant's photo for the proxy code page (H3)",
      description =
          "From the authority's photo library, or a neutral placeholder (SVG). Audited with both"
              + " people (natcode.proxy-photo.shown).")
  @Refusal(status = 403, code = "dependants.not-bound")
  ResponseEntity<byte[]> dependantPhoto(@PathVariable UUID dependantId) {
    var photo = proxies.photo(Citizens.current(), dependantId);
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePrivate())
        .contentType(MediaType.parseMediaType(photo.mediaType()))
        .body(photo.bytes());
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
