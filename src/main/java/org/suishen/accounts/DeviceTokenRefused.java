package org.suishen.accounts;

import java.io.Serial;
import org.springframework.security.core.AuthenticationException;

/**
 * A device token that does not authenticate: forged or garbled ({@link #INVALID}), past its time
 * ({@link #EXPIRED}), or issued before its device was disabled or given a new secret ({@link
 * #REVOKED}). The API answers 401 problem+json with this {@link #code()}; the terminal fetches a
 * new token with its secret. {@link #UNCHECKED}: the node cannot read which devices were revoked
 * (503, try again shortly).
 */
public final class DeviceTokenRefused extends AuthenticationException {

  @Serial private static final long serialVersionUID = 1L;

  public static final String INVALID = "accounts.device-token.invalid";
  public static final String EXPIRED = "accounts.device-token.expired";
  public static final String REVOKED = "accounts.device-token.revoked";
  public static final String UNCHECKED = "accounts.device-token.unchecked";

  private final String code;

  public DeviceTokenRefused(String code) {
    super(code);
    this.code = code;
  }

  /** The stable error code. */
  public String code() {
    return code;
  }
}
