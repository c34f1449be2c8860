package org.suishen.shared.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestCookieException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one mapping from a failure to its {@link Refused}, shared by the API (problem+json) and the
 * pages (the error page), whether the failure happened in a controller, in the framework before one
 * was chosen, or in a filter. Bad input gets a 4xx with its own code; only a fault of the server is
 * {@code server.unexpected} (500). Validation names the fields as the client sent them, never a
 * class or method. See docs/errors.md for every code.
 */
public final class Refusals {

  /** Seconds a client should wait before trying again when the database pool is exhausted. */
  public static final long BUSY_RETRY_AFTER_SECONDS = 5;

  public static final String UNEXPECTED = "server.unexpected";

  private Refusals() {}

  public static Refused of(Throwable failure) {
    SuishenException refused = suishen(failure);
    if (refused != null) {
      return Refused.of(refused);
    }
    if (busyPool(failure)) {
      var headers = new HttpHeaders();
      headers.set(HttpHeaders.RETRY_AFTER, Long.toString(BUSY_RETRY_AFTER_SECONDS));
      return Refused.of(HttpStatus.SERVICE_UNAVAILABLE, "server.busy").withHeaders(headers);
    }
    return switch (failure) {
      case CsrfException e -> Refused.of(HttpStatus.FORBIDDEN, "auth.csrf");
      case AccessDeniedException e -> Refused.of(HttpStatus.FORBIDDEN, "auth.forbidden");
      case AuthenticationException e -> Refused.of(HttpStatus.UNAUTHORIZED, "auth.required");
      case BindException e -> invalid(e.getBindingResult());
      case HandlerMethodValidationException e -> invalid(e);
      case ConstraintViolationException e -> invalid(e);
      case MissingServletRequestParameterException e ->
          missing("request.parameter.missing", e.getParameterName());
      case MissingServletRequestPartException e ->
          missing("request.part.missing", e.getRequestPartName());
      case MissingRequestHeaderException e -> missing("request.header.missing", e.getHeaderName());
      case MissingRequestCookieException e -> missing("request.cookie.missing", e.getCookieName());
      case MissingPathVariableException e ->
          e.isMissingAfterConversion()
              ? field("request.path.invalid", e.getVariableName(), "invalid")
              : Refused.of(HttpStatus.INTERNAL_SERVER_ERROR, UNEXPECTED);
      case MethodArgumentTypeMismatchException e -> mismatch(e.getParameter(), e.getName());
      case TypeMismatchException e ->
          field("request.parameter.invalid", e.getPropertyName(), "type-mismatch");
      case ServletRequestBindingException e ->
          Refused.of(HttpStatus.BAD_REQUEST, "request.invalid");
      case HttpMessageNotReadableException e ->
          Refused.of(HttpStatus.BAD_REQUEST, "request.malformed");
      case MaxUploadSizeExceededException e -> tooLarge(e);
      case MultipartException e -> malformedMultipart();
      case HttpMediaTypeNotSupportedException e -> framework(e, "request.media-type");
      case HttpMediaTypeNotAcceptableException e -> framework(e, "request.not-acceptable");
      case HttpRequestMethodNotSupportedException e -> framework(e, "request.method");
      case NoResourceFoundException e -> Refused.of(HttpStatus.NOT_FOUND, "request.not-found");
      case NoHandlerFoundException e -> Refused.of(HttpStatus.NOT_FOUND, "request.not-found");
      case AsyncRequestTimeoutException e -> framework(e, "server.unavailable");
      case ErrorResponse e -> framework(e, byStatus(e.getStatusCode()));
      default -> annotated(failure);
    };
  }

  /** The refusal for a bare status, when nothing but the status is known (e.g. the container's). */
  public static Refused ofStatus(int status) {
    HttpStatusCode code = HttpStatusCode.valueOf(status < 400 ? 500 : status);
    return Refused.of(code, byStatus(code));
  }

  /** The generic code of a status, for a refusal that says nothing more specific. */
  public static String byStatus(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> "request.invalid";
      case 401 -> "auth.required";
      case 403 -> "auth.forbidden";
      case 404 -> "request.not-found";
      case 405 -> "request.method";
      case 406 -> "request.not-acceptable";
      case 409 -> "request.conflict";
      case 410 -> "request.gone";
      case 413 -> "request.too-large";
      case 415 -> "request.media-type";
      case 422 -> "request.unprocessable";
      case 429 -> "request.too-many";
      case 503 -> "server.unavailable";
      default -> status.is4xxClientError() ? "request.refused" : UNEXPECTED;
    };
  }

  /** 400 {@code request.multipart.malformed}: a multipart body that cannot be read as a form. */
  public static SuishenException multipartMalformed() {
    return SuishenException.badInput("request.multipart.malformed");
  }

  private static Refused malformedMultipart() {
    return Refused.of(multipartMalformed());
  }

  private static @Nullable SuishenException suishen(Throwable failure) {
    // a refusal of ours may arrive wrapped, e.g. by the multipart resolver
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SuishenException e) {
        return e;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  private static boolean busyPool(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof CannotGetJdbcConnectionException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static Refused tooLarge(MaxUploadSizeExceededException e) {
    return Refused.of(HttpStatus.CONTENT_TOO_LARGE, "request.too-large");
  }

  private static Refused framework(ErrorResponse e, String code) {
    return Refused.of(e.getStatusCode(), code).withHeaders(e.getHeaders());
  }

  private static Refused annotated(Throwable failure) {
    ResponseStatus status =
        AnnotatedElementUtils.findMergedAnnotation(failure.getClass(), ResponseStatus.class);
    if (status != null && status.code().value() >= 400) {
      return Refused.of(status.code(), byStatus(status.code()));
    }
    return Refused.of(HttpStatus.INTERNAL_SERVER_ERROR, UNEXPECTED);
  }

  private static Refused missing(String code, String name) {
    return field(code, name, "required");
  }

  private static Refused field(String code, @Nullable String name, String what) {
    return Refused.of(HttpStatus.BAD_REQUEST, code)
        .withViolations(List.of(new Refused.Violation(name, what)));
  }

  private static Refused mismatch(MethodParameter parameter, String name) {
    boolean inPath = parameter.hasParameterAnnotation(PathVariable.class);
    return field(
        inPath ? "request.path.invalid" : "request.parameter.invalid", name, "type-mismatch");
  }

  private static Refused invalid(List<Refused.Violation> violations) {
    return Refused.of(HttpStatus.BAD_REQUEST, "request.invalid").withViolations(violations);
  }

  private static Refused invalid(BindingResult result) {
    List<Refused.Violation> violations = new ArrayList<>();
    for (ObjectError error : result.getAllErrors()) {
      violations.add(
          new Refused.Violation(
              error instanceof FieldError field ? field.getField() : null, constraint(error)));
    }
    return invalid(violations);
  }

  private static Refused invalid(HandlerMethodValidationException e) {
    List<Refused.Violation> violations = new ArrayList<>();
    for (var result : e.getParameterValidationResults()) {
      if (result instanceof org.springframework.validation.method.ParameterErrors errors) {
        for (ObjectError error : errors.getAllErrors()) {
          violations.add(
              new Refused.Violation(
                  error instanceof FieldError field
                      ? field.getField()
                      : parameterName(result.getMethodParameter()),
                  constraint(error)));
        }
      } else {
        for (MessageSourceResolvable error : result.getResolvableErrors()) {
          violations.add(
              new Refused.Violation(parameterName(result.getMethodParameter()), constraint(error)));
        }
      }
    }
    return invalid(violations);
  }

  private static Refused invalid(ConstraintViolationException e) {
    List<Refused.Violation> violations = new ArrayList<>();
    for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
      violations.add(
          new Refused.Violation(
              field(violation.getPropertyPath()),
              kebab(
                  violation
                      .getConstraintDescriptor()
                      .getAnnotation()
                      .annotationType()
                      .getSimpleName())));
    }
    return invalid(violations);
  }

  /** The name the client used: the binding annotation's name, else the parameter's. */
  private static @Nullable String parameterName(MethodParameter parameter) {
    for (var annotation : parameter.getParameterAnnotations()) {
      String name =
          switch (annotation) {
            case RequestParam p -> p.name();
            case PathVariable p -> p.name();
            case RequestHeader h -> h.name();
            case RequestPart p -> p.name();
            default -> "";
          };
      if (!name.isEmpty()) {
        return name;
      }
    }
    return parameter.getParameterName();
  }

  /** A property path without its method and parameter nodes (which name our code, not input). */
  private static @Nullable String field(Path path) {
    var names = new ArrayList<String>();
    String parameter = null;
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.PARAMETER) {
        parameter = node.getName();
      } else if (node.getKind() == ElementKind.PROPERTY
          || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
        if (node.getName() != null) {
          names.add(node.getName());
        }
      }
    }
    if (!names.isEmpty()) {
      return String.join(".", names);
    }
    return parameter == null || parameter.matches("arg\\d+") ? null : parameter;
  }

  /** The constraint's name, e.g. {@code NotBlank} → {@code not-blank}. */
  private static String constraint(MessageSourceResolvable error) {
    String[] codes = error.getCodes();
    String last = codes == null || codes.length == 0 ? "invalid" : codes[codes.length - 1];
    return kebab(last);
  }

  static String kebab(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}
