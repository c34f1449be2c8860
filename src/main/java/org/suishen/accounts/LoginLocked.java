package org.suishen.accounts;

import java.io.Serial;
import java.time.Instant;
import org.springframework.security.authentication.LockedException;

/**
 * A staff or device login refused because of too many failed attempts: for this login name ({@link
 * #LOGIN}) or from this client address ({@link #ADDRESS}). The password was not checked. Pages show
 * the message with {@link #untilText()}; the API answers 429 problem+json with this {@link #code()}
 * and a {@code Retry-After} of {@link #retryAfterSeconds()}.
 */
public final class LoginLocked extends LockedException {

  @Serial private static final long serialVersionUID = 1L;

  /** Too many failed logins for this login name. */
  public static final String LOGIN = "accounts.login.locked";

  /** Too many failed logins from this client address. */
  public static final String ADDRESS = "accounts.login.address-locked";

  private final String code;
  private final Instant until;
  private final String untilText;
  private final long retryAfterSeconds;

  /**
   * @param until the lock ends then
   * @param untilText {@code until} as the city's clock shows it (HH:mm)
   * @param retryAfterSeconds seconds from now until the lock ends (at least 1)
   */
  public LoginLocked(String code, Instant until, String untilText, long retryAfterSeconds) {
    super(code + " until " + until);
    this.code = code;
    this.until = until;
    this.untilText = untilText;
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  /** The stable error code ({@link #LOGIN} or {@link #ADDRESS}). */
  public String code() {
    return code;
  }

  public Instant until() {
    return until;
  }

  public String untilText() {
    return untilText;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The arguments of the error message {@code error.<code>}: the time the lock ends. */
  public Object[] arguments() {
    return new Object[] {untilText};
  }
}
