package org.suishen.citizen.internal;

import java.util.regex.Pattern;
import org.suishen.shared.masking.Masking;
import org.suishen.shared.problem.SuishenException;

/** A mainland mobile number: 11 digits starting 13 to 19. */
public record PhoneNumber(String value) {

  private static final Pattern MAINLAND_MOBILE = Pattern.compile("^1[3-9]\\d{9}$");

  public PhoneNumber {
    if (!MAINLAND_MOBILE.matcher(value).matches()) {
      throw SuishenException.badInput("citizen.phone.format");
    }
  }

  /** Accepts what people type: surrounding blanks, inner spaces or dashes, a +86 prefix. */
  public static PhoneNumber parse(@org.jspecify.annotations.Nullable String input) {
    if (input == null) {
      throw SuishenException.badInput("citizen.phone.format");
    }
    String digits = input.strip().replaceAll("[\\s-]", "");
    if (digits.startsWith("+86")) {
      digits = digits.substring(3);
    } else if (digits.startsWith("0086")) {
      digits = digits.substring(4);
    }
    return new PhoneNumber(digits);
  }

  public String masked() {
    return Masking.phone(value);
  }

  @Override
  public String toString() {
    return masked();
  }
}
