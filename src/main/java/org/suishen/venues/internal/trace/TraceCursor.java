package org.suishen.venues.internal.trace;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.shared.problem.SuishenException;

/**
 * Where the next page of a trace begins: after the passage at this time with this id (passages are
 * ordered by time, then id). Keyset paging, so a later page costs what the first one did however
 * far into a busy venue's month it is. Written as {@code <instant>_<id>}; the client hands back
 * what the previous page gave it.
 */
public record TraceCursor(Instant passedAt, UUID passageId) {

  /** The cursor as text, or a refusal when it is not one a trace page gave. */
  public static @Nullable TraceCursor parse(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    int cut = text.lastIndexOf('_');
    try {
      if (cut <= 0) {
        throw new IllegalArgumentException(text);
      }
      return new TraceCursor(
          Instant.parse(text.substring(0, cut)), UUID.fromString(text.substring(cut + 1)));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw SuishenException.badInput("venues.trace.cursor-invalid");
    }
  }

  public String text() {
    return passedAt + "_" + passageId;
  }
}
