package org.suishen.sampling.internal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A tube and who is in it, masked. */
public record Tube(
    String barcode,
    String siteCode,
    int capacity,
    int members,
    Instant openedAt,
    @Nullable Instant sealedAt,
    List<Member> people) {

  public boolean sealed() {
    return sealedAt != null;
  }

  /** Someone registered into the tube (and not withdrawn). */
  public record Member(
      java.util.UUID registrationId, String maskedName, String credential, Instant registeredAt) {}
}
