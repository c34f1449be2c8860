package org.suishen.shared.problem;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * How a request is refused, whatever refused it: the status, the stable error code and its message
 * arguments, headers the client needs (e.g. {@code Retry-After}, {@code Allow}) and, for
 * validation, which fields were wrong ({@link Violation}). {@link Refusals#of} makes one from any
 * failure; the API renders it as problem+json, pages as the error page.
 */
public record Refused(
    HttpStatusCode status,
    String code,
    Object[] arguments,
    HttpHeaders headers,
    List<Violation> violations) {

  /** A wrong field: its name as the client sent it and what is wrong, e.g. {@code not-blank}. */
  public record Violation(@Nullable String field, String code) {

    public Map<String, String> asMap() {
      var map = new java.util.LinkedHashMap<String, String>();
      if (field != null) {
        map.put("field", field);
      }
      map.put("code", code);
      return map;
    }
  }

  public Refused {
    arguments = arguments.clone();
    violations = List.copyOf(violations);
  }

  public static Refused of(HttpStatusCode status, String code) {
    return new Refused(status, code, new Object[0], HttpHeaders.EMPTY, List.of());
  }

  public static Refused of(SuishenException e) {
    var refused = new Refused(e.status(), e.code(), e.arguments(), HttpHeaders.EMPTY, List.of());
    long retryAfter =
        switch (e) {
          case RetryLater later -> later.retryAfterSeconds();
          case BusyNow busy -> busy.retryAfterSeconds();
          default -> 0;
        };
    if (retryAfter > 0) {
      var headers = new HttpHeaders();
      headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
      return refused.withHeaders(headers);
    }
    return refused;
  }

  public Refused withHeaders(HttpHeaders extra) {
    var all = new HttpHeaders();
    all.putAll(headers);
    all.putAll(extra);
    return new Refused(status, code, arguments, all, violations);
  }

  public Refused withViolations(List<Violation> list) {
    return new Refused(status, code, arguments, headers, list);
  }

  /** A fault of the server, not of the request: worth a log entry with the stack trace. */
  public boolean serverFault() {
    return status.is5xxServerError()
        && status.value() != HttpStatus.SERVICE_UNAVAILABLE.value()
        && status.value() != HttpStatus.GATEWAY_TIMEOUT.value();
  }

  @Override
  public Object[] arguments() {
    return arguments.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Refused r
        && status.equals(r.status)
        && code.equals(r.code)
        && Arrays.equals(arguments, r.arguments)
        && headers.equals(r.headers)
        && violations.equals(r.violations);
  }

  @Override
  public int hashCode() {
    return 31 * code.hashCode() + Arrays.hashCode(arguments);
  }

  @Override
  public String toString() {
    return status.value() + " " + code + (violations.isEmpty() ? "" : " " + violations);
  }
}
