package org.suishen.status.internal.manual;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.suishen.shared.paging.Keyset;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.Actor;

/**
 * Which decided manual changes an officer looks at: every filter optional, newest decision first, a
 * page at a time.
 *
 * @param state only approved or only rejected ones
 * @param decidedBy only those this officer approved or rejected ("decided by me")
 * @param before the {@code next} of the previous page
 * @param limit changes per page
 */
public record ManualChangeHistoryQuery(
    ManualChange.@Nullable State state,
    @Nullable String decidedBy,
    @Nullable Keyset before,
    int limit) {

  /** A page of the history unless the request asks for another size. */
  public static final int PAGE_SIZE = 50;

  /** The most one page may hold (as every list of the authority's API). */
  public static final int MAX_PAGE_SIZE = 100;

  /**
   * Reads the request's parameters, as the page and the API both take them; blank means not given.
   */
  public static ManualChangeHistoryQuery parse(
      @Nullable String state,
      boolean mine,
      @Nullable String before,
      @Nullable Integer limit,
      Actor officer) {
    ManualChange.State wanted = null;
    if (state != null && !state.isBlank()) {
      wanted =
          switch (state.strip().toUpperCase(Locale.ROOT)) {
            case "APPROVED" -> ManualChange.State.APPROVED;
            case "REJECTED" -> ManualChange.State.REJECTED;
            // PROPOSED included: a pending change is not decided, the list never holds one
            default -> throw SuishenException.badInput("status.manual.history.state-invalid");
          };
    }
    Keyset cursor = null;
    if (before != null && !before.isBlank()) {
      cursor =
          Keyset.read(before)
              .orElseThrow(() -> SuishenException.badInput("status.manual.history.before-invalid"));
    }
    int size = limit == null ? PAGE_SIZE : limit;
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw SuishenException.badInput("status.paging.limit", MAX_PAGE_SIZE);
    }
    return new ManualChangeHistoryQuery(wanted, mine ? officer.toString() : null, cursor, size);
  }
}
