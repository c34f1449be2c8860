package org.suishen.dependants.web;

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
import org.suishen.dependants.internal.DependantBindings;
import org.suishen.dependants.internal.DependantClaim;
import org.suishen.shared.problem.ProblemDetailsAdvice;

/**
 * A citizen's dependants (MISSION R1-R3): list, bind (JSON for a dependant of the same household,
 * multipart with a household-register page otherwise), remove.
 */
@RestController
@RequestMapping("/api/me/dependants")
class MyDependantsApi {

  private final DependantBindings bindings;
  private final ProblemDetailsAdvice problems;

  MyDependantsApi(DependantBindings bindings, ProblemDetailsAdvice problems) {
    this.bindings = bindings;
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
  List<DependantJson> mine() {
    return bindings.shownTo(Citizens.current()).stream().map(DependantJson::of).toList();
  }

  @GetMapping("/{bindingId}")
  DependantJson one(@PathVariable UUID bindingId) {
    return DependantJson.of(bindings.one(Citizens.current(), bindingId));
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<DependantJson> bind(@RequestBody BindRequest request) {
    return created(
        bindings.bind(
            Citizens.current(),
            new DependantClaim(request.documentType(), request.documentNumber(), request.name()),
            null));
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<DependantJson> bindWithEvidence(
      @RequestParam(required = false) @Nullable String documentType,
      @RequestParam(required = false) @Nullable String documentNumber,
      @RequestParam(required = false) @Nullable String name,
      @RequestPart(required = false) @Nullable MultipartFile evidence) {
    return created(
        bindings.bind(
            Citizens.current(),
            new DependantClaim(documentType, documentNumber, name),
            MultipartUpload.of(evidence)));
  }

  @DeleteMapping("/{bindingId}")
  ResponseEntity<Void> remove(@PathVariable UUID bindingId) {
    bindings.remove(Citizens.current(), bindingId);
    return ResponseEntity.noContent().build();
  }

  private static ResponseEntity<DependantJson> created(
      org.suishen.dependants.internal.DependantRow row) {
    return ResponseEntity.created(URI.create("/api/me/dependants/" + row.binding().id()))
        .body(DependantJson.of(row));
  }
}
