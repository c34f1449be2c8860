package org.suishen.identity.document;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Test data: valid resident ID numbers, with the GB 11643 check character computed by the rules.
 */
public final class TestResidentIds {

  private TestResidentIds() {}

  /** A random, valid resident ID number of someone born on the day. */
  public static String bornOn(LocalDate birthDate) {
    var random = ThreadLocalRandom.current();
    String first17 =
        "31%04d%s%03d"
            .formatted(
                random.nextInt(10_000),
                birthDate.toString().replace("-", ""),
                random.nextInt(1_000));
    return first17 + ResidentIdRules.checkCharacter(first17);
  }

  /** A random, valid resident ID number. */
  public static String random() {
    var random = ThreadLocalRandom.current();
    return bornOn(LocalDate.of(1950, 1, 1).plusDays(random.nextInt(20_000)));
  }

  /** The same number with a wrong check character. */
  public static String withWrongCheckCharacter(String valid) {
    char check = valid.charAt(17);
    char wrong = check == '0' ? '1' : '0';
    return valid.substring(0, 17) + wrong;
  }
}
