package org.suishen.proxycode.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.proxycode.ProxyCodes;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.security.CurrentActor;

/** The proxy code of a bound dependant and the dependant's photo, for the holder's phone (R4). */
@RestController
@Tag(name = "Proxy code", description = "A bound dependant's live code on the holder's phone (R4)")
class MyProxyCodeApi {

  private final ProxyCodes proxies;

  MyProxyCodeApi(ProxyCodes proxies) {
    this.proxies = proxies;
  }

  static String codePath(UUID dependantId) {
    return "/api/me/dependants/" + dependantId + "/code";
  }

  static String photoPath(UUID dependantId) {
    return "/api/me/dependants/" + dependantId + "/photo";
  }

  @GetMapping(
      path = "/api/me/dependants/{dependantId}/code",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "A bound dependant's proxy code (亲属随申码, R4)",
      description =
          "To a registered citizen with a standing binding to the dependant (approved, not ended"
              + " by coming of age), once the dependant has declared (themselves or a holder for"
              + " them). The dependant's live code for the family member's phone, freshly signed"
              + " (valid suishen.proxycode.validity); fetch a new one after refreshAfterSeconds."
              + " The token names the holder too. Every showing is audited with both people"
              + " (natcode.proxy-code.shown). no-store.")
  @ApiResponse(responseCode = "200", description = "The proxy code")
  @Refusal(status = 403, code = "proxycode.not-registered")
  @Refusal(status = 403, code = "dependants.not-bound")
  @Refusal(status = 403, code = "dependants.came-of-age")
  @Refusal(status = 403, code = "proxycode.declaration-required")
  @Refusal(status = 404, code = "proxycode.person-unknown")
  ResponseEntity<ProxyCodeJson> proxyCode(
      @Parameter(description = "The dependant's person id") @PathVariable UUID dependantId) {
    var proxy = proxies.show(CurrentActor.requireCitizen(), dependantId);
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(ProxyCodeJson.of(proxy, photoPath(dependantId)));
  }

  @GetMapping("/api/me/dependants/{dependantId}/photo")
  @Operation(
      summary = "A bound dependant's photo for the proxy code page (H3)",
      description =
          "To a registered citizen with a standing binding to the dependant. From the"
              + " authority's photo library, or a neutral placeholder (SVG). Audited with both"
              + " people (natcode.proxy-photo.shown). Private cache, 5 minutes.")
  @ApiResponse(
      responseCode = "200",
      description = "The image (JPEG, PNG or SVG)",
      content = {
        @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
        @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
        @Content(mediaType = "image/svg+xml", schema = @Schema(type = "string", format = "binary"))
      })
  @Refusal(status = 403, code = "proxycode.not-registered")
  @Refusal(status = 403, code = "dependants.not-bound")
  @Refusal(status = 403, code = "dependants.came-of-age")
  @Refusal(status = 404, code = "proxycode.person-unknown")
  ResponseEntity<byte[]> dependantPhoto(
      @Parameter(description = "The dependant's person id") @PathVariable UUID dependantId) {
    var photo = proxies.photo(CurrentActor.requireCitizen(), dependantId);
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate())
        .contentType(MediaType.parseMediaType(photo.mediaType()))
        .body(photo.bytes());
  }
}
