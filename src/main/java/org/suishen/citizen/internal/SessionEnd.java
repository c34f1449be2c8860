package org.suishen.citizen.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Why a citizen's other sessions were ended: a credential change. The code names the message shown
 * on the login page ({@code citizen.session.ended.<code>}) and the problem's {@code reason}.
 */
public enum SessionEnd {
  /** The account moved to a new mobile number (更换手机号). */
  PHONE_REBOUND("phone-rebound"),
  /** The person took their identity back from this account (身份找回). */
  IDENTITY_RECOVERED("identity-recovered"),
  /** The epoch was raised for a reason this version does not know (a newer node, by hand). */
  CREDENTIALS_CHANGED("credentials-changed");

  private final String code;

  SessionEnd(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The reason stored with the epoch; {@link #CREDENTIALS_CHANGED} if none or unknown. */
  static SessionEnd of(@Nullable String code) {
    return Arrays.stream(values())
        .filter(v -> v.code.equals(code))
        .findFirst()
        .orElse(CREDENTIALS_CHANGED);
  }
}
