package org.suishen.shared.problem;

import java.net.URI;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every refusal of the JSON API is an RFC 9457 problem: {@code type} ends in the stable error code,
 * {@code code} repeats it, {@code detail} is in the caller's language, and {@code messageZh} /
 * {@code messageEn} carry both; a validation refusal adds {@code violations} (field and constraint,
 * nothing of our code). What is refused how is decided by {@link Refusals}; bad input is never a
 * 500.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
  public static final String TYPE_PREFIX = "https://suishen.org/problems/";

  private final ErrorMessages messages;

  public ProblemDetailsAdvice(ErrorMessages messages) {
    this.messages = messages;
  }

  @ExceptionHandler(SuishenException.class)
  ResponseEntity<ProblemDetail> refused(SuishenException e, Locale locale) {
    return problem(Refused.of(e), locale);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> failed(Exception e, Locale locale) {
    Refused refusal = Refusals.of(e);
    logged(refusal, e);
    return problem(refusal, locale);
  }

  /** Logs a fault of the server with its stack trace, a busy or unavailable server briefly. */
  public static void logged(Refused refusal, Throwable e) {
    if (refusal.serverFault()) {
      log.error("Unexpected failure", e);
    } else if (refusal.status().is5xxServerError()) {
      log.warn("{}: {}", refusal.code(), e.toString());
    } else if (log.isDebugEnabled()) {
      log.debug("Refused {}: {}", refusal, e.toString());
    }
  }

  public ResponseEntity<ProblemDetail> problem(
      HttpStatusCode status, String code, Object[] arguments, Locale locale) {
    return problem(
        new Refused(
            status,
            code,
            arguments,
            org.springframework.http.HttpHeaders.EMPTY,
            java.util.List.of()),
        locale);
  }

  public ResponseEntity<ProblemDetail> problem(Refused refusal, Locale locale) {
    String code = refusal.code();
    Object[] arguments = refusal.arguments();
    ProblemDetail body = ProblemDetail.forStatus(refusal.status());
    body.setType(URI.create(TYPE_PREFIX + code));
    body.setTitle(messages.message(code, arguments, locale));
    body.setDetail(messages.message(code, arguments, locale));
    body.setProperty("code", code);
    body.setProperty("messageZh", messages.message(code, arguments, ErrorMessages.CHINESE));
    body.setProperty("messageEn", messages.message(code, arguments, ErrorMessages.ENGLISH));
    if (!refusal.violations().isEmpty()) {
      body.setProperty(
          "violations", refusal.violations().stream().map(Refused.Violation::asMap).toList());
    }
    return ResponseEntity.status(refusal.status())
        .headers(refusal.headers())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(body);
  }
}
