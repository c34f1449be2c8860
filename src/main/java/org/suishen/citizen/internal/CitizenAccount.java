package org.suishen.citizen.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.shared.masking.Masking;
import org.suishen.shared.security.CitizenPrincipal;

/**
 * A citizen's account: a bound mobile number and, once real-name registration is done, the
 * registered person it stands for.
 *
 * @param sessionEpoch raised by every credential change (phone rebinding); a session signed in
 *     under an older epoch is ended
 */
public record CitizenAccount(
    UUID id,
    String phone,
    @Nullable UUID personId,
    Instant createdAt,
    Instant updatedAt,
    int sessionEpoch) {

  public boolean registered() {
    return personId != null;
  }

  public CitizenPrincipal principal() {
    return new CitizenPrincipal(id, phone, personId);
  }

  @Override
  public String toString() {
    return "CitizenAccount[" + id + ", " + Masking.phone(phone) + "]";
  }
}
