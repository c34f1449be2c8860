package org.suishen.identity;

import java.time.LocalDate;
import org.suishen.identity.document.Gb11643;

/**
 * Makes valid GB 11643 numbers for test data and the demo city: resident IDs, HMT residence permits
 * and the 2023 permanent residence cards. Every number made here passes {@link
 * IdentityDocument#of}.
 */
public final class ResidentIdNumbers {

  private ResidentIdNumbers() {}

  /**
   * A resident ID.
   *
   * @param regionCode 6 digits, the first two a province code (e.g. 310104 Shanghai Xuhui)
   * @param sequence 0-999; odd for a man, even for a woman
   */
  public static String generate(String regionCode, LocalDate birthDate, int sequence) {
    if (regionCode.length() != 6 || !regionCode.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("region code must be 6 digits");
    }
    return withCheck(regionCode, birthDate, sequence);
  }

  /** A resident ID whose sequence matches the sex (odd for a man). */
  public static String generate(String regionCode, LocalDate birthDate, int serial, Sex sex) {
    return generate(regionCode, birthDate, sequenceFor(serial, sex));
  }

  /**
   * A Hong Kong, Macao or Taiwan residence permit.
   *
   * @param prefix 810000 (Hong Kong), 820000 (Macao) or 830000 (Taiwan)
   */
  public static String hmtResidencePermit(String prefix, LocalDate birthDate, int sequence) {
    if (!prefix.equals("810000") && !prefix.equals("820000") && !prefix.equals("830000")) {
      throw new IllegalArgumentException("prefix must be 810000, 820000 or 830000");
    }
    return withCheck(prefix, birthDate, sequence);
  }

  /**
   * A permanent residence card of the 2023 format: 9, province of issue, 3-digit nationality code,
   * birth date, sequence, check character.
   */
  public static String permanentResidenceCard(
      int province, int nationality, LocalDate birthDate, int sequence) {
    if (province < 10 || province > 99 || nationality < 0 || nationality > 999) {
      throw new IllegalArgumentException("province 10-99, nationality 0-999");
    }
    return withCheck("9%02d%03d".formatted(province, nationality), birthDate, sequence);
  }

  /** The sequence number for the n-th person of a sex (0 <= serial < 500). */
  public static int sequenceFor(int serial, Sex sex) {
    if (serial < 0 || serial >= 500) {
      throw new IllegalArgumentException("serial must be 0-499");
    }
    return serial * 2 + (sex == Sex.MALE ? 1 : 0);
  }

  private static String withCheck(String prefix, LocalDate birthDate, int sequence) {
    if (sequence < 0 || sequence > 999) {
      throw new IllegalArgumentException("sequence must be 0-999");
    }
    if (birthDate.getYear() < 1000 || birthDate.getYear() > 9999) {
      throw new IllegalArgumentException("birth year must have 4 digits");
    }
    var first17 = new StringBuilder(18).append(prefix);
    first17.append(birthDate.getYear());
    pad2(first17, birthDate.getMonthValue());
    pad2(first17, birthDate.getDayOfMonth());
    if (sequence < 100) {
      first17.append('0');
    }
    if (sequence < 10) {
      first17.append('0');
    }
    first17.append(sequence);
    return first17.append(Gb11643.checkCharacter(first17)).toString();
  }

  private static void pad2(StringBuilder out, int value) {
    if (value < 10) {
      out.append('0');
    }
    out.append(value);
  }
}
