package org.suishen.accounts.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.suishen.accounts.Account;

/**
 * An account together with a secret generated for it, shown to the administrator once and never
 * stored in clear.
 *
 * @param secret the generated device secret or password; {@code null} if the administrator chose
 *     the password
 */
public record IssuedSecret(
    Account account, @Schema(example = "x7Kq-93Fh-Lm2p-Vr8d") @Nullable String secret) {

  @Override
  public String toString() {
    return "IssuedSecret[" + account + ", secret=" + (secret == null ? "none" : "***") + "]";
  }
}
