package org.suishen.identity;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Names of any script, compared the way a clerk would: 阿依古丽·买买提 and 阿依古丽 • 买买提 are the same
 * person's name, and so are "John SMITH" and "john smith". The register keeps each name as given
 * and its {@link #normalise normalised} form for matching.
 */
public final class Names {

  /** The one middle dot of normalised names (U+00B7), as in 阿依古丽·买买提. */
  public static final char MIDDLE_DOT = '\u00B7';

  private Names() {}

  /**
   * The matching form of a name: Unicode NFKC (full-width letters folded), invisible formatting
   * characters removed, every middle-dot variant ({@code · • ・ ‧ ･ . ∙ ⋅ ⸱}) written U+00B7 and
   * repeated dots collapsed, whitespace removed next to Chinese, Japanese and Korean characters and
   * next to dots and collapsed to one space elsewhere ("John Smith"), leading and trailing dots and
   * spaces dropped, and letters case-folded.
   */
  public static String normalise(String name) {
    if (unifiedIdeographs(name)) {
      return name;
    }
    String n = Normalizer.normalize(name, Normalizer.Form.NFKC);
    var out = new StringBuilder(n.length());
    boolean pendingSpace = false;
    int previous = -1;
    for (int i = 0; i < n.length(); ) {
      int cp = n.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        pendingSpace = true;
      } else if (Character.getType(cp) == Character.FORMAT || Character.isISOControl(cp)) {
        // zero-width spaces and joiners, byte-order marks, control characters: invisible
      } else if (isDot(cp)) {
        if (previous != -1 && previous != MIDDLE_DOT) {
          out.append(MIDDLE_DOT);
          previous = MIDDLE_DOT;
        }
        pendingSpace = false;
      } else {
        if (pendingSpace && previous != -1 && spaced(previous) && spaced(cp)) {
          out.append(' ');
        }
        pendingSpace = false;
        out.appendCodePoint(cp);
        previous = cp;
      }
    }
    if (previous == MIDDLE_DOT) {
      out.setLength(out.length() - 1);
    }
    return out.toString().toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
  }

  /** Whether two names are the same once normalised. */
  public static boolean same(String a, String b) {
    return normalise(a).equals(normalise(b));
  }

  /**
   * Most names: only CJK unified ideographs (U+4E00-U+9FFF), which NFKC and case folding leave
   * unchanged, and no spaces or dots.
   */
  private static boolean unifiedIdeographs(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < '\u4E00' || c > '\u9FFF') {
        return false;
      }
    }
    return true;
  }

  private static boolean isDot(int cp) {
    return switch (cp) {
      case '\u00B7',
          '\u2022',
          '\u30FB',
          '\u2027',
          '\uFF65',
          '.',
          '\u2219',
          '\u22C5',
          '\u2E31',
          '\u0387',
          '\uFF0E' ->
          true;
      default -> false;
    };
  }

  /** Scripts that separate words with spaces; Chinese, Japanese and Korean names do not. */
  private static boolean spaced(int cp) {
    if (cp == MIDDLE_DOT) {
      return false;
    }
    return switch (Character.UnicodeScript.of(cp)) {
      case HAN, HIRAGANA, KATAKANA, HANGUL, BOPOMOFO, YI -> false;
      default -> true;
    };
  }
}
