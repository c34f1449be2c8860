package org.suishen.declaration.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Administrative division codes (GB/T 2260): six digits, the first two naming the province-level
 * division. The page offers the province-level divisions; the API accepts any code below them.
 */
public final class Regions {

  /** Province-level divisions, in code order. */
  public static final List<String> PROVINCES =
      List.of(
          "110000", "120000", "130000", "140000", "150000", "210000", "220000", "230000", "310000",
          "320000", "330000", "340000", "350000", "360000", "370000", "410000", "420000", "430000",
          "440000", "450000", "460000", "500000", "510000", "520000", "530000", "540000", "610000",
          "620000", "630000", "640000", "650000", "710000", "810000", "820000");

  private static final Pattern SIX_DIGITS = Pattern.compile("^\\d{6}$");

  private Regions() {}

  public static boolean isValid(String code) {
    return SIX_DIGITS.matcher(code).matches() && PROVINCES.contains(provinceOf(code));
  }

  /** The province-level division of a valid code, e.g. 420100 → 420000. */
  public static String provinceOf(String code) {
    return code.substring(0, 2) + "0000";
  }
}
