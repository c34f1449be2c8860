package org.suishen.offlinecode.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.offlinecode.internal.kiosk.KioskLogin;
import org.suishen.offlinecode.internal.kiosk.KioskOfflineCodes;
import org.suishen.offlinecode.internal.kiosk.KioskSession;
import org.suishen.offlinecode.internal.kiosk.KioskSessions;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.problem.SuishenException;

/**
 * The government self-service kiosk and the bank kiosk (O3-O7, seed 003): log a person in with an
 * ID card, a live code or a proxy code, show them their masked name and photo to confirm, then
 * apply, print again, report lost or reissue. Device accounts of kind SELF_SERVICE_KIOSK or
 * BANK_KIOSK only; a session belongs to the kiosk that opened it.
 */
@RestController
@Tag(name = "Kiosk: offline code", description = "The offline code at a kiosk (O3-O7)")
class KioskApi {

  private final KioskSessions sessions;
  private final KioskOfflineCodes codes;
  private final OfflineCodeViews views;

  KioskApi(KioskSessions sessions, KioskOfflineCodes codes, OfflineCodeViews views) {
    this.sessions = sessions;
    this.codes = codes;
    this.views = views;
  }

  @Schema(name = "KioskLoginRequest", description = "What the kiosk's card reader or scanner read")
  record KioskLoginRequest(
      @Schema(
              description = "ID_CARD (身份证登录), LIVE_CODE (随申办登录), PROXY_CODE (亲属码登录)",
              allowableValues = {"ID_CARD", "LIVE_CODE", "PROXY_CODE"},
              example = "ID_CARD")
          KioskLogin.@Nullable Method method,
      @Schema(
              description = "ID_CARD: the chip's document type",
              accessMode = Schema.AccessMode.WRITE_ONLY,
              example = "RESIDENT_ID")
          @Nullable String documentType,
      @Schema(
              description = "ID_CARD: the chip's document number",
              accessMode = Schema.AccessMode.WRITE_ONLY,
              example = "310101195001011234")
          @Nullable String documentNumber,
      @Schema(
              description = "ID_CARD: the chip's name",
              accessMode = Schema.AccessMode.WRITE_ONLY,
              example = "张秀英")
          @Nullable String name,
      @Schema(
              description = "LIVE_CODE, PROXY_CODE: what the scanner read",
              accessMode = Schema.AccessMode.WRITE_ONLY,
              example = "SSC:Aw...")
          @Nullable String payload) {}

  @Schema(name = "KioskSession", description = "Who is at the kiosk, for the confirm screen")
  record KioskSessionView(
      @Schema(example = "0f8fad5b-d9cb-469f-a165-70867728950e") UUID sessionId,
      @Schema(allowableValues = {"ID_CARD", "LIVE_CODE", "PROXY_CODE"}) String method,
      @Schema(description = "The person the operations are for, masked", example = "张*英")
          String maskedName,
      @Schema(example = "3101**********1234") String maskedDocumentNumber,
      @Schema(
              description = "After a proxy-code log-in: the relative acting, masked",
              example = "李*梅")
          @Nullable String holderMaskedName,
      @Schema(
              description = "The photo library has a photo (else: check with staff)",
              example = "true")
          boolean photoOnFile,
      @Schema(description = "The person confirmed name and photo", example = "false")
          boolean confirmed,
      @Schema(description = "The screen clears after this many idle seconds", example = "90")
          long idleTimeoutSeconds,
      OfflineCodeViews.OfflineCodeView offlineCode) {}

  private KioskSessionView view(UUID sessionId, KioskDevice device) {
    var screen = codes.screen(sessionId, device.login());
    KioskSession session = screen.session();
    return new KioskSessionView(
        session.sessionId(),
        session.method().name(),
        screen.person().maskedName(),
        screen.person().maskedDocumentNumber(),
        screen.holder() == null ? null : screen.holder().maskedName(),
        screen.photoOnFile(),
        session.confirmedAt() != null,
        sessions.properties().idleTimeout().toSeconds(),
        views.view(screen.code().orElse(null)));
  }

  @PostMapping("/api/kiosk/sessions")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Log a person in at the kiosk",
      description =
          "Roles: SELF_SERVICE_KIOSK, BANK_KIOSK. An ID card must name a person in the register by"
              + " the chip's name; a live code must be a live one; a proxy code logs the relative in"
              + " for the dependant while the binding stands. Ends the kiosk's previous session"
              + " (audited; a refused log-in writes nothing).")
  @ApiResponse(responseCode = "201", description = "The session, to confirm")
  @Refusal(status = 400, code = "offlinecode.kiosk.login-method")
  @Refusal(status = 400, code = "offlinecode.kiosk.card-unreadable")
  @Refusal(status = 400, code = "identity.document.check-digit")
  @Refusal(status = 400, code = "identity.document.format")
  @Refusal(status = 404, code = "offlinecode.kiosk.card-unknown")
  @Refusal(status = 422, code = "offlinecode.kiosk.card-mismatch")
  @Refusal(status = 422, code = "offlinecode.kiosk.code-expired")
  @Refusal(status = 422, code = "offlinecode.kiosk.code-revoked")
  @Refusal(status = 422, code = "offlinecode.kiosk.code-wrong-type")
  @Refusal(status = 422, code = "offlinecode.kiosk.code-invalid")
  @Refusal(status = 404, code = "offlinecode.kiosk.person-unknown")
  @Refusal(status = 403, code = "dependants.not-bound")
  @Refusal(status = 409, code = "offlinecode.kiosk.busy")
  KioskSessionView logIn(@RequestBody KioskLoginRequest request) {
    if (request.method() == null) {
      throw SuishenException.badInput("offlinecode.kiosk.login-method");
    }
    KioskDevice device = KioskDevice.current();
    KioskSession session =
        sessions.start(
            device.login(),
            device.channel(),
            new KioskLogin(
                request.method(),
                request.documentType(),
                request.documentNumber(),
                request.name(),
                request.payload()));
    return view(session.sessionId(), device);
  }

  @GetMapping("/api/kiosk/sessions/{sessionId}")
  @Operation(
      summary = "The session and the person's offline code",
      description = "Roles: SELF_SERVICE_KIOSK, BANK_KIOSK. Counts as a touch (idle timer).")
  @ApiResponse(responseCode = "200", description = "The session")
  @Refusal(status = 410, code = "offlinecode.kiosk.session-ended")
  KioskSessionView session(@PathVariable UUID sessionId) {
    return view(sessionId, KioskDevice.current());
  }

  @GetMapping(
      path = "/api/kiosk/sessions/{sessionId}/photo",
      produces = {"image/jpeg", "image/png", "image/svg+xml"})
  @Operation(
      summary = "The person's photo from the library (003 step 3)",
      description =
          "Roles: SELF_SERVICE_KIOSK, BANK_KIOSK. A neutral placeholder when the library has none.")
  @ApiResponse(responseCode = "200", description = "The photo")
  @Refusal(status = 410, code = "offlinecode.kiosk.session-ended")
  ResponseEntity<byte[]> photo(@PathVariable UUID sessionId) {
    var photo = codes.photo(sessionId, KioskDevice.current().login());
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(photo.mediaType()))
        .header("Cache-Control", "no-store")
        .body(photo.bytes());
  }

  @PostMapping("/api/kiosk/sessions/{sessionId}/confirmation")
  @Operation(
      summary = "The person confirms name and photo",
      description =
          "Roles: SELF_SERVICE_KIOSK, BANK_KIOSK. Needed before any operation; if name or photo"
              + " is wrong the screen sends the person to the staff window instead.")
  @ApiResponse(responseCode = "200", description = "The confirmed session")
  @Refusal(status = 410, code = "offlinecode.kiosk.session-ended")
  KioskSessionView confirm(@PathVariable UUID sessionId) {
    KioskDevice device = KioskDevice.current();
    sessions.confirm(sessionId, device.login());
    return view(sessionId, device);
  }

  @DeleteMapping("/api/kiosk/sessions/{sessionId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary = "End the session (退出)",
      description = "Roles: SELF_SERVICE_KIOSK, BANK_KIOSK. The screen clears for the next person.")
  @ApiResponse(responseCode = "204", description = "Ended")
  @Refusal(status = 410, code = "offlinecode.kiosk.session-ended")
  void end(@PathVariable UUID sessionId) {
    sessions.end(sessionId, KioskDevice.current().login());
  }

  @PostMapping("/api/kiosk/sessions/{sessionId}/offline-code")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Apply for an offline code at the kiosk (首次申领)",
      description =
          "Roles: SELF_SERVICE_KIOSK, BANK_KIOSK. For an eligible person who never had one; at"
              + " most one application or reissue per person per day on all channels (audited).")
  @ApiResponse(responseCode = "201", description = "The new code; print it next")
  @Refusal(status = 410, code = "offlinecode.kiosk.session-ended")
  @Refusal(status = 409, code = "offlinecode.kiosk.not-confirmed")
  @Refusal(status = 422, code = "offlinecode.not-eligible")
  @Refusal(status = 409, code = "offlinecode.already-applied")
  @Refusal(status = 409, code = "offlinecode.once-a-day")
  OfflineCodeViews.OfflineCodeView apply(@PathVariable UUID sessionId) {
    return views.issued(codes.apply(sessionId, KioskDevice.current().login()));
  }

  @PostMapping("/api/kiosk/sessions/{sessionId}/offline-code/reissue")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Reissue the offline code (补领)",
      description =
          "Roles: SELF_SERVICE_KIOSK, BANK_KIOSK. A new code with the same expiry; every earlier"
              + " print is void at once. Once a day per person across channels (audited).")
  @ApiResponse(responseCode = "201", description = "The new code; print it next")
  @Refusal(status = 410, code = "offlinecode.kiosk.session-ended")
  @Refusal(status = 409, code = "offlinecode.kiosk.not-confirmed")
  @Refusal(status = 404, code = "offlinecode.none")
  @Refusal(status = 409, code = "offlinecode.expired")
  @Refusal(status = 409, code = "offlinecode.once-a-day")
  OfflineCodeViews.OfflineCodeView reissue(@PathVariable UUID sessionId) {
    return views.issued(codes.reissue(sessionId, KioskDevice.current().login()));
  }

  @PostMapping("/api/kiosk/sessions/{sessionId}/offline-code/reapplication")
  @Operation(
      summary = "Re-apply (再次申领): the portal's, refused at a kiosk",
      description =
          "Roles: SELF_SERVICE_KIOSK, BANK_KIOSK. Always offlinecode.portal-only: a kiosk reissues;"
              + " re-application (new 180 days) is on the PC portal.")
  @Refusal(status = 403, code = "offlinecode.portal-only")
  @Refusal(status = 410, code = "offlinecode.kiosk.session-ended")
  OfflineCodeViews.OfflineCodeView reapply(@PathVariable UUID sessionId) {
    return views.issued(codes.reapply(sessionId, KioskDevice.current().login()));
  }

  @PostMapping("/api/kiosk/sessions/{sessionId}/offline-code/loss")
  @Operation(
      summary = "Report the offline code lost (挂失)",
      description = "Roles: SELF_SERVICE_KIOSK, BANK_KIOSK. Every earlier print is void at once.")
  @ApiResponse(responseCode = "200", description = "The voided code")
  @Refusal(status = 410, code = "offlinecode.kiosk.session-ended")
  @Refusal(status = 409, code = "offlinecode.kiosk.not-confirmed")
  @Refusal(status = 404, code = "offlinecode.none")
  @Refusal(status = 409, code = "offlinecode.lost")
  OfflineCodeViews.OfflineCodeView reportLost(@PathVariable UUID sessionId) {
    return views.view(codes.reportLost(sessionId, KioskDevice.current().login()));
  }

  @GetMapping(
      path = "/api/kiosk/sessions/{sessionId}/offline-code.pdf",
      produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(
      summary = "Print the offline code (打印/二次打印)",
      description =
          "Roles: SELF_SERVICE_KIOSK, BANK_KIOSK. The valid code's sheet, A4 or CARD (audited).")
  @ApiResponse(responseCode = "200", description = "The PDF for the kiosk's printer")
  @Refusal(status = 410, code = "offlinecode.kiosk.session-ended")
  @Refusal(status = 409, code = "offlinecode.kiosk.not-confirmed")
  @Refusal(status = 404, code = "offlinecode.none")
  @Refusal(status = 409, code = "offlinecode.lost")
  @Refusal(status = 409, code = "offlinecode.expired")
  @Refusal(status = 400, code = "offlinecode.pdf.size")
  ResponseEntity<byte[]> pdf(
      @PathVariable UUID sessionId,
      @Parameter(description = "A4 (default) or CARD", example = "CARD")
          @RequestParam(required = false)
          @Nullable String size) {
    boolean card = OfflineCodeViews.card(size);
    return OfflineCodeViews.pdf(codes.sheet(sessionId, KioskDevice.current().login(), card));
  }
}
