package org.suishen.identity.document;

import java.text.Normalizer;
import java.util.Locale;

/** Brings a typed or imported number into canonical form before the type's own rules apply. */
final class DocumentNumbers {

  private DocumentNumbers() {}

  /**
   * Full-width characters folded (NFKC: "３１０" → "310"), every kind of whitespace removed, upper
   * case.
   */
  static String clean(String number) {
    if (plain(number)) {
      return number;
    }
    String n = number;
    for (int i = 0; i < n.length(); i++) {
      if (n.charAt(i) > 0x7f) {
        n = Normalizer.normalize(n, Normalizer.Form.NFKC);
        break;
      }
    }
    var out = new StringBuilder(n.length());
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
        out.append(c);
      }
    }
    return out.toString().toUpperCase(Locale.ROOT);
  }

  /** Already canonical: only digits and upper-case ASCII letters. */
  private static boolean plain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) {
        return false;
      }
    }
    return true;
  }

  static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  static boolean upperLetters(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < 'A' || c > 'Z') {
        return false;
      }
    }
    return true;
  }

  static boolean lettersOrDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }
}
