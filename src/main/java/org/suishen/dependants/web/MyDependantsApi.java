package org.suishen.dependants.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.suishen.dependants.internal.BindingAttemptsExhausted;
import org.suishen.dependants.internal.BindingRemoval;
import org.suishen.dependants.internal.DependantBindings;
import org.suishen.dependants.internal.DependantClaim;
import org.suishen.dependants.internal.DependantList;
import org.suishen.dependants.internal.DependantRow;
import org.suishen.shared.problem.ProblemDetailsAdvice;
import org.suishen.shared.security.CurrentActor;

/**
 * A citizen's dependants (MISSION R1-R3): list, bind (JSON for a dependant of the same household,
 * multipart with a household-register page otherwise), remove. A dependant is addressed by their
 * person id ({@code dependantId}) here and in every other {@code
 * /api/me/dependants/{dependantId}/…} path (NAT code, proxy code); it means the holder's current
 * binding of that dependant.
 */
@RestController
@RequestMapping("/api/me/dependants")
@Tag(name = "Dependants", description = "A family member's dependants (亲属, R1-R3)")
class MyDependantsApi {

  private static final String ROLES = "Roles: CITIZEN (registered). ";

  private final DependantBindings bindings;
  private final DependantList list;
  private final BindingRemoval removal;
  private final ProblemDetailsAdvice problems;

  MyDependantsApi(
      DependantBindings bindings,
      DependantList list,
      BindingRemoval removal,
      ProblemDetailsAdvice problems) {
    this.bindings = bindings;
    this.list = list;
    this.removal = removal;
    this.problems = problems;
  }

  /** 429 problem+json like every refusal, plus {@code Retry-After}. */
  @ExceptionHandler(BindingAttemptsExhausted.class)
  ResponseEntity<ProblemDetail> tooManyAttempts(BindingAttemptsExhausted e, Locale locale) {
    var problem = problems.problem(e.status(), e.code(), e.arguments(), locale);
    return ResponseEntity.status(problem.getStatusCode())
        .headers(problem.getHeaders())
        .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
        .body(problem.getBody());
  }

  @GetMapping
  @Operation(
      summary = "My dependants",
      description =
          ROLES
              + "One entry per dependant, the holder's current binding of them: pending or"
              + " approved, recently rejected (suishen.dependants.rejections-shown-for), or"
              + " recently ended by coming of age. Masked; each dependant shown is audited."
              + " Problems: dependants.holder-unregistered (403).")
  List<DependantJson> mine() {
    return list.shownTo(CurrentActor.requireCitizen()).stream().map(DependantJson::of).toList();
  }

  @GetMapping("/{dependantId}")
  @Operation(
      summary = "One of my dependants",
      description =
          ROLES
              + "The holder's current binding of the dependant: the pending or approved one, else"
              + " the latest application (rejected or removed). Audited. Problems:"
              + " dependants.binding-not-found (404, never applied for this person),"
              + " dependants.holder-unregistered (403), request.invalid (400, not a UUID).")
  DependantJson one(
      @Parameter(description = "The dependant's person id (dependantId of the list)") @PathVariable
          UUID dependantId) {
    return DependantJson.of(list.one(CurrentActor.requireCitizen(), dependantId));
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Bind a dependant of my household",
      description =
          ROLES
              + "Approved at once when both are in the same household of the register; otherwise"
              + " send multipart with the household-register page. Problems:"
              + " dependants.document-type, dependants.document-number-required,"
              + " dependants.name-required, dependants.identity-mismatch, dependants.self,"
              + " dependants.not-eligible, dependants.evidence-required (400);"
              + " dependants.holder-unregistered (403); dependants.already-bound,"
              + " dependants.already-pending, dependants.limit (409);"
              + " dependants.binding.too-many-attempts (429, Retry-After).")
  @ApiResponse(responseCode = "201", description = "Bound (APPROVED) or waiting (PENDING)")
  ResponseEntity<DependantJson> bind(@RequestBody BindRequest request) {
    return created(
        bindings.bind(
            CurrentActor.requireCitizen(),
            new DependantClaim(request.documentType(), request.documentNumber(), request.name()),
            null));
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = "Bind a dependant with a household-register page",
      description =
          ROLES
              + "Fields documentType, documentNumber, name and the file evidence (JPEG, PNG or"
              + " PDF, at most suishen.dependants.evidence-max-size). PENDING until a reviewer"
              + " decides (APPROVED at once for the same household). Problems: as for JSON, and"
              + " dependants.evidence-too-large, dependants.evidence-type (400).")
  @ApiResponse(responseCode = "201", description = "Bound (APPROVED) or waiting (PENDING)")
  ResponseEntity<DependantJson> bindWithEvidence(
      @RequestParam(required = false) @Nullable String documentType,
      @RequestParam(required = false) @Nullable String documentNumber,
      @RequestParam(required = false) @Nullable String name,
      @RequestPart(required = false) @Nullable MultipartFile evidence) {
    return created(
        bindings.bind(
            CurrentActor.requireCitizen(),
            new DependantClaim(documentType, documentNumber, name),
            MultipartUpload.of(evidence)));
  }

  @DeleteMapping("/{dependantId}")
  @Operation(
      summary = "Withdraw or remove a dependant",
      description =
          ROLES
              + "Ends the holder's current binding of the dependant: withdraws a pending"
              + " application, removes an approved binding (proxy codes for it stop working at"
              + " once). Problems: dependants.binding-not-found (404), dependants.not-active (409,"
              + " already ended), dependants.holder-unregistered (403).")
  @ApiResponse(responseCode = "204", description = "Ended")
  ResponseEntity<Void> remove(
      @Parameter(description = "The dependant's person id") @PathVariable UUID dependantId) {
    removal.remove(CurrentActor.requireCitizen(), dependantId);
    return ResponseEntity.noContent().build();
  }

  private static ResponseEntity<DependantJson> created(DependantRow row) {
    return ResponseEntity.created(URI.create("/api/me/dependants/" + row.binding().dependant()))
        .body(DependantJson.of(row));
  }
}
