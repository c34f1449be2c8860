package org.suishen.shared.problem;

import java.io.Serial;
import org.springframework.http.HttpStatus;

/**
 * 429 with {@code Retry-After}: over a limit that lifts at a known time. {@link Refused#of} adds
 * the header, so the API and the pages send it alike.
 */
public class RetryLater extends SuishenException {

  @Serial private static final long serialVersionUID = 1L;

  private final long retryAfterSeconds;

  public RetryLater(String code, long retryAfterSeconds, Object... arguments) {
    super(code, HttpStatus.TOO_MANY_REQUESTS, arguments);
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
