package org.suishen.appeals.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.suishen.appeals.internal.AppealFiling;
import org.suishen.appeals.internal.FilingRequest;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CitizenPrincipal;
import org.suishen.shared.security.CurrentActor;

/** The appellant's API: file an appeal, follow it, see the answer (H7). */
@RestController
@RequestMapping("/api/me/appeals")
@Tag(name = "Appeals", description = "The citizen's appeals (我要申诉, H7)")
class CitizenAppealsApi {

  private final AppealFiling filing;

  CitizenAppealsApi(AppealFiling filing) {
    this.filing = filing;
  }

  @GetMapping
  @Operation(
      summary = "My appeals",
      description =
          "Newest first, with their evidence files: the person's colour and name appeals and the"
              + " identity appeals this account filed.")
  List<AppealJson.Mine> list() {
    return filing.mine(citizen()).stream().map(AppealJson.Mine::of).toList();
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "One of my appeals",
      description = "With the authority's answer once decided. Someone else's is not found.")
  @Refusal(status = 403, code = "appeals.not-registered")
  @Refusal(status = 404, code = "appeals.not-found")
  AppealJson.Mine one(@PathVariable UUID id) {
    return AppealJson.Mine.of(filing.mine(citizen(), id));
  }

  // one operation in the document for both bodies: the later handler's texts win, so both say all
  private static final String FILING_SUMMARY = "File an appeal";

  private static final String FILING_DESCRIPTION =
      "A colour or name appeal needs a claimed identity (real-name registration): kind, text, and"
          + " believedColour (colour appeal, optional) or correctedName (name appeal); the field of"
          + " the other kind is ignored. An identity appeal (IDENTITY_TAKEN: another account claimed"
          + " the person's identity) comes from an account without an identity: documentType,"
          + " documentNumber and name must match the population register, checked under the limits"
          + " and with the uniform refusal of real-name registration, and at least one evidence"
          + " file is required (a photo of the document, of the person holding it); upheld, the"
          + " identity moves to this account and the other one is signed out. Without evidence as JSON; with evidence files as multipart/form-data: the"
          + " same fields and 0 to suishen.appeals.max-files (5) parts files (JPEG, PNG, WebP or"
          + " PDF, at most max-file-size, 5 MB, each; the type is recognised from the bytes). 201"
          + " with Location and the appeal. One open appeal per kind. A refusal stores nothing."
          + " Audited (appeals.appeal.filed).";

  /** An appeal without evidence files, as a JSON body: the names {@link AppealJson.Mine} shows. */
  @Schema(description = "An appeal to file without evidence files")
  record NewAppeal(
      @Schema(
              description = "What is contested",
              allowableValues = {"WRONG_COLOUR", "WRONG_NAME", "IDENTITY_TAKEN"},
              example = "WRONG_COLOUR")
          @Nullable String kind,
      @Schema(description = "The appellant's explanation", example = "我三月以来一直在上海。")
          @Nullable String text,
      @Schema(
              description = "Colour appeal, optional: the colour the person believes correct",
              allowableValues = {"GREEN", "YELLOW", "RED"},
              example = "GREEN")
          @Nullable String believedColour,
      @Schema(
              description = "Name appeal, required: the name as on the person's identity document",
              example = "王晓明")
          @Nullable String correctedName,
      @Schema(
              description = "Identity appeal: the type of the document another account claimed",
              example = "RESIDENT_ID")
          @Nullable String documentType,
      @Schema(description = "Identity appeal: its number", example = "310104198506150035")
          @Nullable String documentNumber,
      @Schema(description = "Identity appeal: the name on it", example = "王小明")
          @Nullable String name) {}

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = FILING_SUMMARY, description = FILING_DESCRIPTION)
  @ApiResponse(responseCode = "201", description = "The appeal, as GET /api/me/appeals/{id}")
  @AppealFilingRefusals
  ResponseEntity<AppealJson.Mine> fileJson(@RequestBody NewAppeal appeal) {
    return file(
        new FilingRequest(
            appeal.kind(),
            appeal.text(),
            appeal.believedColour(),
            appeal.correctedName(),
            appeal.documentType(),
            appeal.documentNumber(),
            appeal.name(),
            List.of()));
  }

  /**
   * Files an appeal with evidence: {@code multipart/form-data} (or a plain form without files) with
   * the fields of {@link NewAppeal} and up to five {@code files}.
   */
  @PostMapping(
      consumes = {MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.APPLICATION_FORM_URLENCODED_VALUE})
  @Operation(summary = FILING_SUMMARY, description = FILING_DESCRIPTION)
  @ApiResponse(responseCode = "201", description = "The appeal, as GET /api/me/appeals/{id}")
  @AppealFilingRefusals
  @Refusal(status = 400, code = "appeals.evidence.too-many")
  @Refusal(status = 400, code = "appeals.evidence.too-large")
  @Refusal(status = 400, code = "appeals.evidence.empty")
  @Refusal(status = 400, code = "appeals.evidence.type")
  @Refusal(status = 413, code = "request.too-large")
  ResponseEntity<AppealJson.Mine> fileMultipart(
      @Parameter(example = "WRONG_COLOUR") @RequestParam(required = false) @Nullable String kind,
      @Parameter(example = "我三月以来一直在上海。") @RequestParam(required = false) @Nullable String text,
      @Parameter(example = "GREEN") @RequestParam(required = false) @Nullable String believedColour,
      @Parameter(example = "王晓明") @RequestParam(required = false) @Nullable String correctedName,
      @Parameter(example = "RESIDENT_ID") @RequestParam(required = false)
          @Nullable String documentType,
      @Parameter(example = "310104198506150035") @RequestParam(required = false)
          @Nullable String documentNumber,
      @Parameter(example = "王小明") @RequestParam(required = false) @Nullable String name,
      @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files) {
    return file(
        new FilingRequest(
            kind,
            text,
            believedColour,
            correctedName,
            documentType,
            documentNumber,
            name,
            EvidenceResponses.uploads(files)));
  }

  private ResponseEntity<AppealJson.Mine> file(FilingRequest request) {
    var citizen = citizen();
    var appeal = filing.file(citizen, request);
    return ResponseEntity.created(URI.create("/api/me/appeals/" + appeal.id()))
        .body(AppealJson.Mine.of(filing.mine(citizen, appeal.id())));
  }

  @GetMapping("/{id}/evidence/{fileId}")
  @Operation(
      summary = "An evidence file of my appeal",
      description =
          "The bytes as uploaded, of the type recognised at upload: images inline, PDFs as a"
              + " download. Never cached. Gone once purged under the retention rule.")
  @ApiResponse(
      responseCode = "200",
      description = "The file",
      content = {
        @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
        @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
        @Content(mediaType = "image/webp", schema = @Schema(type = "string", format = "binary")),
        @Content(
            mediaType = "application/pdf",
            schema = @Schema(type = "string", format = "binary"))
      })
  @Refusal(status = 403, code = "appeals.not-registered")
  @Refusal(status = 404, code = "appeals.not-found")
  @Refusal(status = 404, code = "appeals.evidence.not-found")
  @Refusal(status = 410, code = "appeals.evidence.purged")
  ResponseEntity<byte[]> evidence(@PathVariable UUID id, @PathVariable UUID fileId) {
    return EvidenceResponses.serve(filing.evidence(citizen(), id, fileId));
  }

  static CitizenPrincipal citizen() {
    return CurrentActor.citizen()
        .orElseThrow(() -> SuishenException.forbidden("appeals.not-registered"));
  }
}
