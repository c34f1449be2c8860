package org.suishen.shared.problem;

import java.util.Arrays;
import org.springframework.http.HttpStatus;

/**
 * A refusal the caller can act on: a stable, documented error code (e.g. {@code
 * identity.check-digit}), an HTTP status, and message arguments. The message itself comes from
 * {@code messages*.properties} under {@code error.<code>}, in Chinese and English. Throw it before
 * anything is written.
 */
public class SuishenException extends RuntimeException {

  private final String code;
  private final HttpStatus status;
  private final transient Object[] arguments;

  public SuishenException(String code, HttpStatus status, Object... arguments) {
    super(code + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
    this.code = code;
    this.status = status;
    this.arguments = arguments.clone();
  }

  /** 400: the input is wrong. */
  public static SuishenException badInput(String code, Object... arguments) {
    return new SuishenException(code, HttpStatus.BAD_REQUEST, arguments);
  }

  /** 409: the input is well-formed but conflicts with the current state. */
  public static SuishenException conflict(String code, Object... arguments) {
    return new SuishenException(code, HttpStatus.CONFLICT, arguments);
  }

  /** 404: the thing asked for does not exist (or the caller may not know that it does). */
  public static SuishenException notFound(String code, Object... arguments) {
    return new SuishenException(code, HttpStatus.NOT_FOUND, arguments);
  }

  /** 403: the caller is known but not allowed. */
  public static SuishenException forbidden(String code, Object... arguments) {
    return new SuishenException(code, HttpStatus.FORBIDDEN, arguments);
  }

  /** 410: the thing asked for existed but was deleted for good (e.g. under a retention rule). */
  public static SuishenException gone(String code, Object... arguments) {
    return new SuishenException(code, HttpStatus.GONE, arguments);
  }

  /** 422: well-formed, but the check it asks for did not pass. */
  public static SuishenException unprocessable(String code, Object... arguments) {
    return new SuishenException(code, HttpStatus.UNPROCESSABLE_CONTENT, arguments);
  }

  /** 429: over a limit; try later. */
  public static SuishenException tooMany(String code, Object... arguments) {
    return new SuishenException(code, HttpStatus.TOO_MANY_REQUESTS, arguments);
  }

  public String code() {
    return code;
  }

  public HttpStatus status() {
    return status;
  }

  public Object[] arguments() {
    return arguments.clone();
  }
}
