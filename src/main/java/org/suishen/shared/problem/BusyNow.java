package org.suishen.shared.problem;

import java.io.Serial;
import org.springframework.http.HttpStatus;

/**
 * 503 with {@code Retry-After}: the server is too busy for this right now (a full queue, say), not
 * a fault of the request. {@link Refused#of} adds the header, as for {@link RetryLater}.
 */
public class BusyNow extends SuishenException {

  @Serial private static final long serialVersionUID = 1L;

  private final long retryAfterSeconds;

  public BusyNow(String code, long retryAfterSeconds) {
    super(code, HttpStatus.SERVICE_UNAVAILABLE);
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
