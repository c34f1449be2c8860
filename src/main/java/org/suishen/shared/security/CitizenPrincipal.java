package org.suishen.shared.security;

import java.io.Serializable;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A citizen logged in with a phone number and a one-time code. {@code personId} is set once the
 * account has claimed an identity from the population register (real-name registration).
 */
public record CitizenPrincipal(UUID accountId, String phone, @Nullable UUID personId)
    implements Serializable {

  public boolean registered() {
    return personId != null;
  }

  @Override
  public String toString() {
    return "citizen:" + accountId;
  }
}
