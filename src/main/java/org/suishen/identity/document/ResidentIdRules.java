package org.suishen.identity.document;

import java.util.Locale;
import org.suishen.shared.problem.SuishenException;

/** 居民身份证: 6-digit region, 8-digit birth date, 3-digit sequence, GB 11643 check character. */
final class ResidentIdRules implements DocumentRules {

  static final ResidentIdRules INSTANCE = new ResidentIdRules();
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = "10X98765432".toCharArray();

  @Override
  public String canonical(String number) {
    String n = number.strip().toUpperCase(Locale.ROOT);
    if (!n.matches("\\d{17}[0-9X]")) {
      throw SuishenException.badInput("identity.document.format");
    }
    if (checkCharacter(n) != n.charAt(17)) {
      throw SuishenException.badInput("identity.document.check-digit");
    }
    return n;
  }

  /** The GB 11643 check character of the first 17 digits. */
  public static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11];
  }
}
