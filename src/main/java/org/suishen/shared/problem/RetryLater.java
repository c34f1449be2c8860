package org.suishen.shared.problem;

import org.springframework.http.HttpStatus;

/** 429 with {@code Retry-After}: over a limit that lifts at a known time. */
public class RetryLater extends SuishenException {

  private final long retryAfterSeconds;

  public RetryLater(String code, long retryAfterSeconds, Object... arguments) {
    super(code, HttpStatus.TOO_MANY_REQUESTS, arguments);
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
