package org.suishen.natcode.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.suishen.shared.problem.SuishenException;

/** The printable formats: an A4 page, or a wallet card of ID-1 size (85.6 × 54 mm). */
public enum SheetSize {
  A4,
  CARD;

  /** The size named by a request parameter; A4 if absent; {@code natcode.pdf.size} otherwise. */
  public static SheetSize of(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return A4;
    }
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw SuishenException.badInput("natcode.pdf.size");
    }
  }
}
