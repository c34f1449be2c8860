package org.suishen.shared.paging;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a page of a list ordered by {@code (at DESC, id DESC)} ended: the next page holds the rows
 * strictly before it, {@code WHERE (at, id) < (?, ?)}, which an index on {@code (at, id)} answers
 * without counting the rows skipped the way {@code OFFSET} does. The id breaks ties between rows of
 * the same time. As a token ({@code before=} of a link or an API call) it reads {@code
 * <microseconds since the epoch>.<id>}: PostgreSQL keeps microseconds, so the token names the row
 * exactly.
 */
public record Keyset(Instant at, UUID id) {

  /** Later than any time a list holds; also keeps a tampered token inside PostgreSQL's range. */
  private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");

  /** The row's place as a token, for the {@code next} of a page. */
  public String token() {
    return ChronoUnit.MICROS.between(Instant.EPOCH, at) + "." + id;
  }

  /** The place a token names; empty if it is not one {@link #token()} makes. */
  public static Optional<Keyset> read(String token) {
    String value = token.strip();
    int dot = value.indexOf('.');
    if (dot < 1 || dot > 20) {
      return Optional.empty();
    }
    try {
      long micros = Long.parseLong(value.substring(0, dot));
      UUID id = UUID.fromString(value.substring(dot + 1));
      if (micros < 0 || micros > ChronoUnit.MICROS.between(Instant.EPOCH, LAST)) {
        return Optional.empty();
      }
      var keyset = new Keyset(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
      // UUID.fromString also takes shortened groups ("1-2-3-4-5"): only the canonical form
      return keyset.token().equals(value) ? Optional.of(keyset) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
