package org.suishen.dependants.internal;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Whether a typed name is the name in the register, compared the way a clerk would: Unicode NFKC
 * (full-width letters folded), whitespace and invisible characters ignored, every middle-dot
 * variant the same, letters case-folded.
 *
 * <p>Interim: the identity module's {@code org.suishen.identity.Names.same(a, b)} will be the one
 * rule for the whole platform; switch {@link #same} to it when it lands.
 */
final class NameMatch {

  private NameMatch() {}

  static boolean same(String typed, String registered) {
    String a = normalise(typed);
    return !a.isEmpty() && a.equals(normalise(registered));
  }

  static String normalise(String name) {
    String n = Normalizer.normalize(name, Normalizer.Form.NFKC);
    var out = new StringBuilder(n.length());
    n.codePoints()
        .forEach(
            cp -> {
              if (Character.isWhitespace(cp)
                  || Character.isSpaceChar(cp)
                  || Character.getType(cp) == Character.FORMAT
                  || Character.isISOControl(cp)) {
                return;
              }
              out.appendCodePoint(isDot(cp) ? '\u00B7' : cp);
            });
    return out.toString().toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
  }

  private static boolean isDot(int cp) {
    return switch (cp) {
      case '\u00B7', '\u2022', '\u30FB', '\u2027', '\uFF65', '.', '\u2219', '\u22C5', '\u0387' ->
          true;
      default -> false;
    };
  }
}
