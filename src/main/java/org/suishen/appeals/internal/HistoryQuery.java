package org.suishen.appeals.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.suishen.shared.paging.Keyset;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;

/**
 * Which decided appeals a reviewer looks at: every filter optional, newest decision first, a page
 * at a time.
 *
 * @param outcome only upheld or only rejected ones
 * @param decidedBy only those this reviewer decided ("decided by me")
 * @param before the {@code next} of the previous page
 * @param limit appeals per page
 */
public record HistoryQuery(
    @Nullable Outcome outcome, @Nullable String decidedBy, @Nullable Keyset before, int limit) {

  /** A page of the history unless the request asks for another size. */
  public static final int PAGE_SIZE = 50;

  /** The most one page may hold. */
  public static final int MAX_PAGE_SIZE = 100;

  /**
   * Reads the request's parameters, as the page and the API both take them; blank means not given.
   */
  public static HistoryQuery parse(
      @Nullable String outcome,
      boolean mine,
      @Nullable String before,
      @Nullable Integer limit,
      Actor reviewer) {
    Outcome wanted = null;
    if (outcome != null && !outcome.isBlank()) {
      try {
        wanted = Outcome.valueOf(outcome.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw SuishenException.badInput("appeals.history.outcome-invalid");
      }
    }
    Keyset cursor = null;
    if (before != null && !before.isBlank()) {
      cursor =
          Keyset.read(before)
              .orElseThrow(() -> SuishenException.badInput("appeals.history.before-invalid"));
    }
    int size = limit == null ? PAGE_SIZE : limit;
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw SuishenException.badInput("appeals.history.limit-invalid", MAX_PAGE_SIZE);
    }
    return new HistoryQuery(wanted, mine ? reviewer.toString() : null, cursor, size);
  }
}
