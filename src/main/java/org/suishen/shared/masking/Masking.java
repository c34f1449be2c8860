package org.suishen.shared.masking;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * How a person's identity is shown to anyone but the person: enough for staff to match a face and a
 * document, not enough to copy it (MISSION X1).
 */
public final class Masking {

  private Masking() {}

  /** What stands for the hidden letters of a Latin-script name part, whatever its length. */
  private static final String HIDDEN = "***";

  /**
   * Chinese (and other non-Latin) names keep their first and last character and one {@code *} per
   * hidden character: 王小明 → 王*明, 王明 → 王*, 阿依古丽·买买提 → 阿******提. Latin-script names show only the
   * initials of their first and last part, each followed by a fixed {@code ***}, as CoronaCheck
   * does: John Smith → J*** S***, Maximilian von Habsburg → M*** H***, Anna → A***. Nothing in the
   * result depends on the name's length or its number of parts beyond one or more, so a masked
   * Latin name does not narrow down whose it is the way letter counts would.
   */
  public static String name(String name) {
    String n = Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
    if (latinScript(n)) {
      return latinInitials(n);
    }
    int[] points = n.codePoints().toArray();
    if (points.length == 0) {
      return "";
    }
    if (points.length == 1) {
      return "*";
    }
    var out = new StringBuilder().appendCodePoint(points[0]);
    if (points.length == 2) {
      return out.append('*').toString();
    }
    out.repeat("*", points.length - 2);
    return out.appendCodePoint(points[points.length - 1]).toString();
  }

  /** Every letter is Latin (blanks, dots, hyphens, apostrophes and accents aside). */
  static boolean latinScript(String name) {
    boolean letters = false;
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetter(c)) {
        if (Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) {
          return false;
        }
        letters = true;
      }
    }
    return letters;
  }

  private static String latinInitials(String name) {
    var initials =
        Arrays.stream(name.split("[\\s,]+"))
            .mapToInt(Masking::initial)
            .filter(initial -> initial >= 0)
            .toArray();
    var out = new StringBuilder().appendCodePoint(initials[0]).append(HIDDEN);
    if (initials.length > 1) {
      out.append(' ').appendCodePoint(initials[initials.length - 1]).append(HIDDEN);
    }
    return out.toString();
  }

  /** The part's first letter in upper case, or -1 if it has none (a lone "." or "-"). */
  private static int initial(String part) {
    return part.codePoints()
        .filter(Character::isLetter)
        .map(Character::toUpperCase)
        .findFirst()
        .orElse(-1);
  }

  /** 310101199001011234 → 3101**********1234; short numbers keep only their last two characters. */
  public static String documentNumber(String number) {
    String n = number.strip();
    if (n.length() <= 8) {
      return "*".repeat(Math.max(0, n.length() - 2)) + n.substring(Math.max(0, n.length() - 2));
    }
    return n.substring(0, 4) + "*".repeat(n.length() - 8) + n.substring(n.length() - 4);
  }

  /** 13812345678 → 138****5678. */
  public static String phone(String phone) {
    String p = phone.strip();
    if (p.length() < 7) {
      return "*".repeat(p.length());
    }
    return p.substring(0, 3) + "*".repeat(p.length() - 7) + p.substring(p.length() - 4);
  }
}
