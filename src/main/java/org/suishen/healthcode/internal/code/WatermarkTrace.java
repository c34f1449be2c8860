package org.suishen.healthcode.internal.code;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The trace printed in a code page's watermark (MISSION X1: screenshots traceable): the first 60
 * bits of the code's random person reference in Crockford Base32, as {@code XXXX-XXXX-XXXX}. It is
 * no identity — the same reference is in the QR code itself — but an auditor can turn it back into
 * the reference (a range of the primary key) and so find whose screen it was. 60 bits: among 25
 * million references a collision is ~1 in 4 000 and then lists both.
 */
public final class WatermarkTrace {

  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final int CHARACTERS = 12;

  private WatermarkTrace() {}

  /** The trace of a reference. */
  public static String of(UUID reference) {
    long bits = reference.getMostSignificantBits() >>> 4;
    var text = new StringBuilder(CHARACTERS + 2);
    for (int i = CHARACTERS - 1; i >= 0; i--) {
      text.append(ALPHABET.charAt((int) (bits >>> (5 * i)) & 31));
      if (i == 8 || i == 4) {
        text.append('-');
      }
    }
    return text.toString();
  }

  /**
   * The 60 bits of a trace as typed by a person: case, spaces and hyphens do not matter, and O, I
   * and L read as 0, 1 and 1 (Crockford). Empty if it is not a trace.
   */
  public static OptionalLong parse(String typed) {
    String text = typed.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
    if (text.length() != CHARACTERS) {
      return OptionalLong.empty();
    }
    long bits = 0;
    for (int i = 0; i < CHARACTERS; i++) {
      char c =
          switch (text.charAt(i)) {
            case 'O' -> '0';
            case 'I', 'L' -> '1';
            default -> text.charAt(i);
          };
      int value = ALPHABET.indexOf(c);
      if (value < 0) {
        return OptionalLong.empty();
      }
      bits = (bits << 5) | value;
    }
    return OptionalLong.of(bits);
  }

  /** The lowest reference with these 60 leading bits. */
  public static UUID lowest(long bits) {
    return new UUID(bits << 4, 0L);
  }

  /** The highest reference with these 60 leading bits. */
  public static UUID highest(long bits) {
    return new UUID((bits << 4) | 0xF, -1L);
  }
}
