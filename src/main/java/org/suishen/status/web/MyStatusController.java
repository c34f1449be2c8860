package org.suishen.status.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CitizenPrincipal;
import org.suishen.shared.security.CurrentActor;
import org.suishen.status.HealthStatuses;
import org.suishen.status.StatusExplanations;
import org.suishen.status.internal.DeclarationsTakenIn;
import org.suishen.status.internal.StatusNotices;
import org.suishen.status.internal.StatusRows;

/** A person's own status, its history and the notices about it (citizens, MISSION H2). */
@RestController
@RequestMapping("/api/me/status")
@Tag(name = "Health status", description = "The citizen's own health status (H2)")
class MyStatusController {

  private final HealthStatuses statuses;
  private final StatusRows rows;
  private final StatusNotices notices;
  private final StatusTexts texts;
  private final StatusExplanations explanations;
  private final DeclarationsTakenIn declarationsTakenIn;

  MyStatusController(
      HealthStatuses statuses,
      StatusRows rows,
      StatusNotices notices,
      StatusTexts texts,
      StatusExplanations explanations,
      DeclarationsTakenIn declarationsTakenIn) {
    this.statuses = statuses;
    this.rows = rows;
    this.notices = notices;
    this.texts = texts;
    this.explanations = explanations;
    this.declarationsTakenIn = declarationsTakenIn;
  }

  @GetMapping
  @Operation(
      summary = "The citizen's current health status",
      description =
          "Needs a claimed identity (real-name registration). since is null when no start is"
              + " known (a person the engine knows nothing against). With declaredAt (the"
              + " declaredAt of a declaration's answer, which links here as statusUrl) the status"
              + " is answered only once the engine has evaluated that declaration: until then 202"
              + " without a body and Retry-After (the engine evaluates a declaration"
              + " asynchronously, just after it is stored), so a client never shows the colour"
              + " from before the declaration. Never cached.")
  @ApiResponse(responseCode = "200", description = "The status")
  @ApiResponse(
      responseCode = "202",
      description = "The declaration named by declaredAt is not evaluated yet: ask again",
      content = @Content)
  @Refusal(status = 400, code = "status.declared-at.invalid")
  @Refusal(status = 403, code = "status.person.not-registered")
  ResponseEntity<StatusView> status(
      @Parameter(
              description = "Wait for the declaration made at this instant (ISO-8601)",
              example = "2026-04-02T08:30:00.123456Z")
          @RequestParam(required = false)
          @Nullable String declaredAt) {
    UUID personId = personId();
    if (declaredAt != null && !declarationsTakenIn.includes(personId, instant(declaredAt))) {
      return ResponseEntity.accepted()
          .header(HttpHeaders.RETRY_AFTER, "1")
          .cacheControl(CacheControl.noStore())
          .build();
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(current(personId));
  }

  /** The current status, for the status page. */
  StatusView current() {
    return current(personId());
  }

  private StatusView current(UUID personId) {
    return StatusView.of(statuses.current(personId), texts, explanations);
  }

  private static Instant instant(String value) {
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw SuishenException.badInput("status.declared-at.invalid");
    }
  }

  @GetMapping("/history")
  @Operation(
      summary = "The citizen's status history, newest first",
      description =
          "A page at a time: pass the answer's next as before. Each entry says what kind of"
              + " event caused the change (cause), never who.")
  @Refusal(status = 400, code = "status.paging.limit")
  @Refusal(status = 403, code = "status.person.not-registered")
  HistoryView history(
      @Parameter(description = "The next of the previous page", example = "1822")
          @RequestParam(required = false)
          @Nullable Long before,
      @Parameter(description = "Entries per page, 1 to 100 (default 20)", example = "20")
          @RequestParam(required = false)
          @Nullable Integer limit) {
    int size = Paging.limit(limit);
    return HistoryView.of(rows.history(personId(), before, size), size, texts, false);
  }

  @Schema(description = "A notice sent to the person about their status")
  record NoticeView(
      @Schema(example = "3051") long id,
      @Schema(
              description = "What it is about: status.manual-change, status.appeal-correction",
              example = "status.manual-change")
          String kind,
      @Schema(description = "Stable message code", example = "status.notice.manual-change.green")
          String messageCode,
      @Schema(description = "The message in Chinese and English") @JsonProperty("message")
          StatusTexts.Bilingual message,
      @Schema(example = "2026-04-02T08:30:00Z") Instant at) {}

  @GetMapping("/notices")
  @Operation(
      summary = "Notices to the citizen about their status, newest first",
      description = "A manual change or an upheld appeal that changed the colour.")
  @Refusal(status = 400, code = "status.paging.limit")
  @Refusal(status = 403, code = "status.person.not-registered")
  List<NoticeView> notices(
      @Parameter(description = "At most this many, 1 to 100 (default 20)", example = "20")
          @RequestParam(required = false)
          @Nullable Integer limit) {
    return notices.forPerson(personId(), Paging.limit(limit)).stream()
        .map(
            n ->
                new NoticeView(
                    n.id(), n.kind(), n.messageCode(), texts.of(n.messageCode()), n.at()))
        .toList();
  }

  private static UUID personId() {
    CitizenPrincipal citizen =
        CurrentActor.citizen().orElseThrow(() -> SuishenException.forbidden("auth.forbidden"));
    if (citizen.personId() == null) {
      throw SuishenException.forbidden("status.person.not-registered");
    }
    return citizen.personId();
  }
}
