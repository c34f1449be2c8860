package org.suishen.accounts.internal;

import org.jspecify.annotations.Nullable;
import org.suishen.accounts.Account;

/**
 * An account together with a secret generated for it, shown to the administrator once and never
 * stored in clear.
 *
 * @param secret the generated device secret or password; {@code null} if the administrator chose
 *     the password
 */
public record IssuedSecret(Account account, @Nullable String secret) {

  @Override
  public String toString() {
    return "IssuedSecret[" + account + ", secret=" + (secret == null ? "none" : "***") + "]";
  }
}
