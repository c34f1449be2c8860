package org.suishen.dependants.web;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.suishen.shared.problem.SuishenException;

/** A reviewer's decision on a pending application. */
enum Decision {
  APPROVE,
  REJECT;

  static Decision parse(@Nullable String value) {
    if (value != null) {
      for (Decision d : values()) {
        if (d.name().equals(value.strip().toUpperCase(Locale.ROOT))) {
          return d;
        }
      }
    }
    throw SuishenException.badInput("dependants.decision-invalid");
  }

  /**
   * The JSON body of a decision or a removal.
   *
   * @param decision {@code APPROVE} or {@code REJECT} (ignored for a removal)
   * @param reason required to reject or remove; shown to the holder
   */
  record Request(@Nullable String decision, @Nullable String reason) {}
}
