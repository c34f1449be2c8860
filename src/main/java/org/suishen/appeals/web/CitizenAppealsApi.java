package org.suishen.appeals.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

  /**
   * Files an appeal: {@code multipart/form-data} (or a plain form without files) with {@code kind},
   * {@code text}, {@code colour} or {@code correctedName}, and up to five {@code files}.
   */
  @PostMapping(
      consumes = {MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.APPLICATION_FORM_URLENCODED_VALUE})
  ResponseEntity<AppealJson.Mine> file(
      @RequestParam(required = false) @Nullable String kind,
      @RequestParam(required = false) @Nullable String text,
      @RequestParam(required = false) @Nullable String colour,
      @RequestParam(required = false) @Nullable String correctedName,
      @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files) {
    var citizen = citizen();
    var appeal =
        filing.file(
            citizen,
            new FilingRequest(kind, text, colour, correctedName, EvidenceResponses.uploads(files)));
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
