package org.suishen.sampling.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * A tube's pre-printed barcode: eleven digits and an ISO 7064 MOD 11-2 check character ({@code 0-9}
 * or {@code X}, the scheme of the resident ID number), so that a misread or mistyped digit is
 * refused at the table instead of registering people into a tube nobody holds. Documented in {@code
 * docs/sampling.md}.
 */
public record TubeBarcode(String value) {

  static final int DIGITS = 11;

  /** The barcode as read (spaces and a lower-case x forgiven), if it is one. */
  public static Optional<TubeBarcode> parse(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String text = raw.strip().toUpperCase(Locale.ROOT);
    if (text.length() != DIGITS + 1) {
      return Optional.empty();
    }
    for (int i = 0; i < DIGITS; i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return Optional.empty();
      }
    }
    return text.charAt(DIGITS) == check(text.substring(0, DIGITS))
        ? Optional.of(new TubeBarcode(text))
        : Optional.empty();
  }

  /** The barcode for a serial number (test and demo batches: {@code serial} below 10^11). */
  public static TubeBarcode of(long serial) {
    if (serial < 0 || serial >= 100_000_000_000L) {
      throw new IllegalArgumentException("serial out of range: " + serial);
    }
    String digits = String.format(Locale.ROOT, "%011d", serial);
    return new TubeBarcode(digits + check(digits));
  }

  /** ISO 7064 MOD 11-2, pure system: 0-9 or X. */
  static char check(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      sum = ((sum + (digits.charAt(i) - '0')) * 2) % 11;
    }
    int check = (12 - sum) % 11;
    return check == 10 ? 'X' : (char) ('0' + check);
  }
}
