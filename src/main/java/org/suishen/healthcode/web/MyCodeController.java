package org.suishen.healthcode.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.healthcode.PersonPhotos;
import org.suishen.healthcode.QrImages;
import org.suishen.healthcode.internal.code.LiveCode;
import org.suishen.healthcode.internal.code.LiveCodes;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.security.CurrentActor;
import org.suishen.status.StatusExplanations;

@RestController
@Tag(name = "Health code", description = "The citizen's own live health code (H3, H4)")
class MyCodeController {

  private final LiveCodes codes;
  private final PersonPhotos photos;
  private final StatusExplanations explanations;

  MyCodeController(LiveCodes codes, PersonPhotos photos, StatusExplanations explanations) {
    this.codes = codes;
    this.photos = photos;
    this.explanations = explanations;
  }

  @GetMapping(path = "/api/me/code", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Issue a fresh live code",
      description =
          "Needs a claimed identity whom the issuance rule allows (a health declaration). Signs"
              + " a new token on every call, valid from issuedAt to expiresAt"
              + " (suishen.healthcode.live-validity, default 60 s); the client shows it, counts"
              + " expiresInSeconds down from receipt, fetches a new one after refreshAfterSeconds"
              + " (suishen.healthcode.refresh-after, 30 s), and verifiers accept clockSkewSeconds"
              + " of clock difference (suishen.healthcode.clock-skew, 30 s). Never cached.")
  @ApiResponse(responseCode = "200", description = "The code")
  @Refusal(status = 403, code = "healthcode.not-registered")
  @Refusal(status = 403, code = "healthcode.declaration-required")
  @Refusal(status = 404, code = "healthcode.person-unknown")
  ResponseEntity<LiveCodeResponse> code() {
    LiveCode live = codes.issueFor(CurrentActor.requireCitizen());
    var issued = live.code();
    var explanation = explanations.explain(live.status(), LocaleContextHolder.getLocale());
    var body =
        new LiveCodeResponse(
            issued.token(),
            issued.type().name(),
            issued.issuedAt(),
            issued.expiresAt(),
            Duration.between(issued.issuedAt(), issued.expiresAt()).toSeconds(),
            live.refreshAfter().toSeconds(),
            live.clockSkew().toSeconds(),
            live.colour().name(),
            live.maskedName(),
            "/api/me/photo",
            live.redeclareNotice(),
            issued.watermark(),
            explanation.reason(),
            explanation.period(),
            explanation.nextStep(),
            live.feverClinicAdvice(),
            live.photoOnFile());
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
  }

  @GetMapping(path = "/api/me/code.png", produces = MediaType.IMAGE_PNG_VALUE)
  @Operation(
      summary = "The live code as a PNG image",
      description =
          "For channels that need an image. Not the hot path: the code page draws the QR."
              + " X-Code-Expires-At says until when it is valid.")
  @Refusal(status = 403, code = "healthcode.not-registered")
  @Refusal(status = 403, code = "healthcode.declaration-required")
  @Refusal(status = 404, code = "healthcode.person-unknown")
  ResponseEntity<byte[]> png(
      @Parameter(description = "Edge length in pixels, 128 to 1024", example = "300")
          @RequestParam(defaultValue = "300")
          int size) {
    var issued = codes.issueFor(CurrentActor.requireCitizen()).code();
    int edge = Math.clamp(size, 128, 1024);
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .header("X-Code-Expires-At", issued.expiresAt().toString())
        .contentType(MediaType.IMAGE_PNG)
        .body(QrImages.png(issued.token(), edge));
  }

  @GetMapping(path = "/api/me/code.svg", produces = "image/svg+xml")
  @Operation(
      summary = "The live code as an SVG image",
      description = "X-Code-Expires-At says until when it is valid.")
  @Refusal(status = 403, code = "healthcode.not-registered")
  @Refusal(status = 403, code = "healthcode.declaration-required")
  @Refusal(status = 404, code = "healthcode.person-unknown")
  ResponseEntity<String> svg() {
    var issued = codes.issueFor(CurrentActor.requireCitizen()).code();
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .header("X-Code-Expires-At", issued.expiresAt().toString())
        .contentType(MediaType.parseMediaType("image/svg+xml"))
        .body(QrImages.svg(issued.token()));
  }

  @GetMapping("/api/me/photo")
  @Operation(
      summary = "The citizen's photo from the authority's photo library",
      description = "A neutral placeholder (SVG) if the library has none.")
  @Refusal(status = 403, code = "healthcode.not-registered")
  @Refusal(status = 404, code = "healthcode.person-unknown")
  ResponseEntity<byte[]> photo() {
    var person = codes.personOf(CurrentActor.requireCitizen());
    var cache = CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate();
    var photo = photos.photoOf(person);
    return ResponseEntity.ok()
        .cacheControl(cache)
        .contentType(MediaType.parseMediaType(photo.mediaType()))
        .body(photo.bytes());
  }
}
