package org.suishen.shared.problem;

import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every refusal of the JSON API is an RFC 9457 problem: {@code type} ends in the stable error code,
 * {@code code} repeats it, {@code detail} is in the caller's language, and {@code message_zh} /
 * {@code message_en} carry both. Bad input is never a 500.
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
    return problem(e.status(), e.code(), e.arguments(), locale);
  }

  @ExceptionHandler({
    MethodArgumentNotValidException.class,
    HandlerMethodValidationException.class,
    ConstraintViolationException.class,
    MissingServletRequestParameterException.class,
    MissingServletRequestPartException.class,
    MethodArgumentTypeMismatchException.class
  })
  ResponseEntity<ProblemDetail> invalid(Exception e, Locale locale) {
    var response = problem(HttpStatus.BAD_REQUEST, "request.invalid", new Object[0], locale);
    response.getBody().setProperty("violations", e.getMessage());
    return response;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, Locale locale) {
    return problem(HttpStatus.BAD_REQUEST, "request.malformed", new Object[0], locale);
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, Locale locale) {
    return problem(HttpStatus.CONTENT_TOO_LARGE, "request.too-large", new Object[0], locale);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, Locale locale) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "request.media-type", new Object[0], locale);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, Locale locale) {
    return problem(HttpStatus.METHOD_NOT_ALLOWED, "request.method", new Object[0], locale);
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> notFound(NoResourceFoundException e, Locale locale) {
    return problem(HttpStatus.NOT_FOUND, "request.not-found", new Object[0], locale);
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ProblemDetail> denied(AccessDeniedException e, Locale locale) {
    return problem(HttpStatus.FORBIDDEN, "auth.forbidden", new Object[0], locale);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, Locale locale) {
    log.error("Unexpected failure", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "server.unexpected", new Object[0], locale);
  }

  public ResponseEntity<ProblemDetail> problem(
      HttpStatusCode status, String code, Object[] arguments, Locale locale) {
    ProblemDetail body = ProblemDetail.forStatus(status);
    body.setType(URI.create(TYPE_PREFIX + code));
    body.setTitle(messages.message(code, arguments, locale));
    body.setDetail(messages.message(code, arguments, locale));
    body.setProperty("code", code);
    body.setProperty("message_zh", messages.message(code, arguments, ErrorMessages.CHINESE));
    body.setProperty("message_en", messages.message(code, arguments, ErrorMessages.ENGLISH));
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }
}
