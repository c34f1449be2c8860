package org.suishen.sampling.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A sampling site and the places it belongs to. */
public record Site(
    String code,
    String name,
    String address,
    String district,
    String street,
    String community,
    Instant openedAt,
    @Nullable Instant closedAt) {

  public boolean open() {
    return closedAt == null;
  }
}
