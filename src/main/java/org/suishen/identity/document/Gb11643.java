package org.suishen.identity.document;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.suishen.identity.Sex;
import org.suishen.shared.problem.SuishenException;

/**
 * The 18-character numbers of GB 11643 (居民身份证号码) and the documents that reuse its layout: 17
 * digits, of which 7-14 are the birth date and 17 is odd for men, then a mod-11 check character
 * (0-9 or X).
 */
public final class Gb11643 {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = "10X98765432".toCharArray();

  /** Province-level region codes (GB/T 2260), the first two digits of a resident ID. */
  public static final Set<Integer> PROVINCES =
      Set.of(
          11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50,
          51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83);

  private Gb11643() {}

  /** The check character of the first 17 digits. */
  public static char checkCharacter(CharSequence first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11];
  }

  /** Whether the string is 17 ASCII digits and a digit or X. */
  static boolean wellFormed(String n) {
    if (n.length() != 18) {
      return false;
    }
    for (int i = 0; i < 17; i++) {
      char c = n.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    char last = n.charAt(17);
    return (last >= '0' && last <= '9') || last == 'X';
  }

  /** Refuses a wrong format, an impossible birth date or a wrong check character, in that order. */
  static String validate(String n) {
    if (!wellFormed(n)) {
      throw SuishenException.badInput(DocumentErrors.FORMAT);
    }
    if (BirthDates.compact(n, 6) == null) {
      throw SuishenException.badInput(DocumentErrors.BIRTH_DATE);
    }
    if (checkCharacter(n) != n.charAt(17)) {
      throw SuishenException.badInput(DocumentErrors.CHECK_DIGIT);
    }
    return n;
  }

  static Optional<LocalDate> birthDate(String canonical) {
    return Optional.ofNullable(BirthDates.compact(canonical, 6));
  }

  static Optional<Sex> sex(String canonical) {
    return Optional.of((canonical.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE);
  }
}
