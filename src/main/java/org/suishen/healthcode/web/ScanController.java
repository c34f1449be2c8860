package org.suishen.healthcode.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.healthcode.internal.scan.ScanDecision;
import org.suishen.healthcode.internal.scan.ScanNotRecorded;
import org.suishen.healthcode.internal.scan.Scanning;
import org.suishen.shared.problem.ErrorMessages;
import org.suishen.shared.problem.ProblemDetailsAdvice;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.security.CurrentActor;

@RestController
@Tag(name = "Scanning", description = "Venue staff, samplers and devices scan health codes (H6)")
class ScanController {

  private final Scanning scanning;
  private final MessageSource messages;
  private final ProblemDetailsAdvice problems;

  /** The reason texts by key and locale: a handful of fixed texts, looked up once each. */
  private final Map<String, String> texts = new ConcurrentHashMap<>();

  private static final java.time.format.DateTimeFormatter CITY_TIME =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final java.time.ZoneId zone;

  ScanController(
      Scanning scanning,
      MessageSource messages,
      ProblemDetailsAdvice problems,
      java.time.Clock clock) {
    this.zone = clock.getZone();
    this.scanning = scanning;
    this.messages = messages;
    this.problems = problems;
  }

  @PostMapping("/api/scan")
  @Operation(
      summary = "Check a scanned code",
      description =
          "Answers 200 with valid=true/false and a stable reason for every payload, also"
              + " garbage: a scan is a query, not an error. The colour is the person's current"
              + " colour at scan time. The answer comes only after the scan has been recorded"
              + " durably (group commit); the record is the access log of this read. A 503"
              + " carries Retry-After: scan again.")
  @ApiResponse(responseCode = "200", description = "The decision")
  @Refusal(status = 400, code = "request.invalid")
  @Refusal(status = 503, code = "healthcode.scan.busy")
  @Refusal(status = 503, code = "healthcode.scan.not-recorded")
  @Refusal(status = 503, code = "healthcode.scan.unavailable")
  ScanResponse scan(@Valid @RequestBody ScanRequest request) {
    ScanDecision decision =
        scanning.scan(request.payload(), request.purpose(), request.location(), CurrentActor.get());
    String key = "healthcode.reason." + decision.reason().code();
    // a code type may word a reason its own way (e.g. a voided NAT code), else the common text
    String typed = decision.codeType() == null ? key : key + "." + decision.codeType().name();
    return new ScanResponse(
        decision.valid(),
        decision.reason().code(),
        decision.codeType() == null ? null : decision.codeType().name(),
        decision.maskedName(),
        decision.maskedDocument(),
        decision.colour() == null ? null : decision.colour().name(),
        decision.scannedAt(),
        message(typed, key, ErrorMessages.CHINESE),
        message(typed, key, ErrorMessages.ENGLISH),
        decision.presentedBy() == null ? null : "relative",
        decision.presentedBy() == null || decision.presentedBy().isEmpty()
            ? null
            : decision.presentedBy(),
        decision.photoOnFile(),
        CITY_TIME.format(decision.scannedAt().atZone(zone)));
  }

  private String message(String typed, String common, Locale locale) {
    return texts.computeIfAbsent(
        typed + '|' + locale.toLanguageTag(),
        k -> messages.getMessage(typed, null, messages.getMessage(common, null, locale), locale));
  }

  @ExceptionHandler(org.springframework.dao.DataAccessException.class)
  ResponseEntity<ProblemDetail> databaseAway(
      org.springframework.dao.DataAccessException e, Locale locale) {
    org.slf4j.LoggerFactory.getLogger(ScanController.class).warn("Scan failed: database", e);
    return unavailable("healthcode.scan.unavailable", locale);
  }

  @ExceptionHandler(ScanNotRecorded.class)
  ResponseEntity<ProblemDetail> notRecorded(ScanNotRecorded e, Locale locale) {
    return unavailable(e.busy() ? "healthcode.scan.busy" : "healthcode.scan.not-recorded", locale);
  }

  private ResponseEntity<ProblemDetail> unavailable(String code, Locale locale) {
    var problem = problems.problem(HttpStatus.SERVICE_UNAVAILABLE, code, new Object[0], locale);
    return ResponseEntity.status(problem.getStatusCode())
        .headers(problem.getHeaders())
        .header("Retry-After", "1")
        .body(problem.getBody());
  }
}
