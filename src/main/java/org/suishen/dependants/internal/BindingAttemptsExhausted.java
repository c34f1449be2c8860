package org.suishen.dependants.internal;

import java.io.Serial;
import org.springframework.http.HttpStatus;
import org.suishen.shared.problem.SuishenException;

/**
 * 429 {@code dependants.binding.too-many-attempts}: the holder reached the limit of failed binding
 * attempts. The message names the time of the next possible attempt; the API also sends it as
 * {@code Retry-After}.
 */
public final class BindingAttemptsExhausted extends SuishenException {

  @Serial private static final long serialVersionUID = 1L;

  public static final String CODE = "dependants.binding.too-many-attempts";

  private final long retryAfterSeconds;

  BindingAttemptsExhausted(String retryAtText, long retryAfterSeconds) {
    super(CODE, HttpStatus.TOO_MANY_REQUESTS, retryAtText);
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
