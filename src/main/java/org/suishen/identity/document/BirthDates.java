package org.suishen.identity.document;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Birth dates written as {@code yyyyMMdd} inside document numbers. */
public final class BirthDates {

  /** No living person was born earlier. */
  public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

  /** The upper bound when no "today" is given. */
  public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

  private BirthDates() {}

  /**
   * The date of the eight digits at {@code from}, or null if they are not a real calendar date
   * between {@link #EARLIEST} and {@link #LATEST}. The caller has checked that they are digits.
   */
  static @Nullable LocalDate compact(String number, int from) {
    int year = digits(number, from, 4);
    int month = digits(number, from + 4, 2);
    int day = digits(number, from + 6, 2);
    try {
      LocalDate date = LocalDate.of(year, month, day);
      return date.isBefore(EARLIEST) || date.isAfter(LATEST) ? null : date;
    } catch (DateTimeException e) {
      return null;
    }
  }

  static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      value = value * 10 + (s.charAt(i) - '0');
    }
    return value;
  }
}
