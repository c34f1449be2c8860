package org.suishen.status.web;

import org.jspecify.annotations.Nullable;
import org.suishen.shared.problem.SuishenException;

/** Page sizes of the list endpoints. */
final class Paging {

  static final int DEFAULT = 20;
  static final int MAX = 100;

  private Paging() {}

  static int limit(@Nullable Integer requested) {
    if (requested == null) {
      return DEFAULT;
    }
    if (requested < 1 || requested > MAX) {
      throw SuishenException.badInput("status.paging.limit", MAX);
    }
    return requested;
  }
}
