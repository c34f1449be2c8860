package org.suishen.appeals.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CitizenPrincipal;
import org.suishen.shared.security.CurrentActor;

/** The appellant's API: file an appeal, follow it, see the answer (H7). */
@RestController
@RequestMapping("/api/me/appeals")
class CitizenAppealsApi {

  private final AppealFiling filing;

  CitizenAppealsApi(AppealFiling filing) {
    this.filing = filing;
  }

  @GetMapping
  List<AppealJson.Mine> list() {
    return filing.mine(citizen()).stream().map(AppealJson.Mine::of).toList();
  }

  @GetMapping("/{id}")
  AppealJson.Mine one(@PathVariable UUID id) {
    return AppealJson.Mine.of(filing.mine(citizen(), id));
  }

  /** An appeal without evidence files, as a JSON body: the names {@link AppealJson.Mine} shows. */
  @Schema(description = "An appeal to file without evidence files")
  record NewAppeal(
      @Schema(
              description = "What is contested",
              allowableValues = {"WRONG_COLOUR", "WRONG_NAME"},
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
          @Nullable String correctedName) {}

  private static final String FILING_CODES =
      " Problem codes: appeals.kind.invalid, appeals.text.required, appeals.text.too-long,"
          + " appeals.colour.invalid, appeals.colour.unchanged, appeals.name.required,"
          + " appeals.name.too-long, appeals.name.invalid, appeals.name.unchanged (400);"
          + " appeals.not-registered, auth.forbidden (403); appeals.already-open (409);"
          + " auth.required (401).";

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "File an appeal without evidence (JSON)",
      description =
          "Roles: CITIZEN with a claimed identity. kind, text, and believedColour (colour appeal,"
              + " optional) or correctedName (name appeal); the field of the other kind is"
              + " ignored. 201 with Location and the appeal. With evidence files, send the same"
              + " fields as multipart/form-data instead."
              + FILING_CODES)
  @ApiResponse(responseCode = "201", description = "The appeal, as GET /api/me/appeals/{id}")
  @ApiResponse(
      responseCode = "400",
      description = "A filing rule refused it (nothing stored)",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(
      responseCode = "409",
      description = "appeals.already-open",
      content = @Content(mediaType = "application/problem+json"))
  ResponseEntity<AppealJson.Mine> fileJson(@RequestBody NewAppeal appeal) {
    return file(
        new FilingRequest(
            appeal.kind(),
            appeal.text(),
            appeal.believedColour(),
            appeal.correctedName(),
            List.of()));
  }

  /**
   * Files an appeal with evidence: {@code multipart/form-data} (or a plain form without files) with
   * the fields of {@link NewAppeal} and up to five {@code files}.
   */
  @PostMapping(
      consumes = {MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.APPLICATION_FORM_URLENCODED_VALUE})
  @Operation(
      summary = "File an appeal with evidence files (multipart)",
      description =
          "Roles: CITIZEN with a claimed identity. The fields kind, text, believedColour,"
              + " correctedName as in the JSON filing, and 0 to suishen.appeals.max-files (5)"
              + " parts files (JPEG, PNG, WebP or PDF, at most max-file-size, 5 MB, each). 201"
              + " with Location and the appeal."
              + FILING_CODES
              + " Evidence (400): appeals.evidence.too-many, appeals.evidence.too-large,"
              + " appeals.evidence.empty, appeals.evidence.type.")
  @ApiResponse(responseCode = "201", description = "The appeal, as GET /api/me/appeals/{id}")
  @ApiResponse(
      responseCode = "400",
      description = "A filing or evidence rule refused it (nothing stored)",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(
      responseCode = "409",
      description = "appeals.already-open",
      content = @Content(mediaType = "application/problem+json"))
  ResponseEntity<AppealJson.Mine> fileMultipart(
      @Parameter(example = "WRONG_COLOUR") @RequestParam(required = false) @Nullable String kind,
      @Parameter(example = "我三月以来一直在上海。") @RequestParam(required = false) @Nullable String text,
      @Parameter(example = "GREEN") @RequestParam(required = false) @Nullable String believedColour,
      @Parameter(example = "王晓明") @RequestParam(required = false) @Nullable String correctedName,
      @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files) {
    return file(
        new FilingRequest(
            kind, text, believedColour, correctedName, EvidenceResponses.uploads(files)));
  }

  private ResponseEntity<AppealJson.Mine> file(FilingRequest request) {
    var citizen = citizen();
    var appeal = filing.file(citizen, request);
    return ResponseEntity.created(URI.create("/api/me/appeals/" + appeal.id()))
        .body(AppealJson.Mine.of(filing.mine(citizen, appeal.id())));
  }

  @GetMapping("/{id}/evidence/{fileId}")
  ResponseEntity<byte[]> evidence(@PathVariable UUID id, @PathVariable UUID fileId) {
    return EvidenceResponses.serve(filing.evidence(citizen(), id, fileId));
  }

  static CitizenPrincipal citizen() {
    return CurrentActor.citizen()
        .orElseThrow(() -> SuishenException.forbidden("appeals.not-registered"));
  }
}
