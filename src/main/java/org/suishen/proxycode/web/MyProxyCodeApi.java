package org.suishen.proxycode.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import org.suishen.shared.security.CurrentActor;

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
          "Roles: CITIZEN (registered, with a standing binding to the dependant). The dependant's"
              + " live code for the family member's phone, freshly signed (valid"
              + " suishen.proxycode.validity). The token names the holder too. Every showing is"
              + " audited with both people (natcode.proxy-code.shown). Problems:"
              + " dependants.not-bound, dependants.came-of-age, proxycode.not-registered,"
              + " proxycode.declaration-required (403); proxycode.person-unknown (404);"
              + " request.invalid (400, not a UUID).")
  @ApiResponse(responseCode = "200", description = "The proxy code")
  @ApiResponse(responseCode = "403", description = "dependants.not-bound and others (above)")
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
          "Roles: CITIZEN (registered, with a standing binding to the dependant). From the"
              + " authority's photo library, or a neutral placeholder (SVG). Audited with both"
              + " people (natcode.proxy-photo.shown). Problems: dependants.not-bound,"
              + " dependants.came-of-age, proxycode.not-registered (403);"
              + " proxycode.person-unknown (404).")
  @ApiResponse(responseCode = "200", description = "The image (JPEG, PNG or SVG)")
  @ApiResponse(responseCode = "403", description = "dependants.not-bound and others (above)")
  ResponseEntity<byte[]> dependantPhoto(
      @Parameter(description = "The dependant's person id") @PathVariable UUID dependantId) {
    var photo = proxies.photo(CurrentActor.requireCitizen(), dependantId);
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate())
        .contentType(MediaType.parseMediaType(photo.mediaType()))
        .body(photo.bytes());
  }
}
