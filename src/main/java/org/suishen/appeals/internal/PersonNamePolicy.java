package org.suishen.appeals.internal;

import java.text.Normalizer;
import org.jspecify.annotations.Nullable;
import org.suishen.shared.problem.SuishenException;

/**
 * What a corrected name may look like: the name as on an identity document, in any script. Letters
 * and combining marks, with single spaces, the middle dots used in transcribed names (阿依古丽·买买提),
 * hyphens, apostrophes and full stops between them; no digits or symbols; at most {@code maxLength}
 * characters. Names are compared and stored in Unicode NFC with inner blanks collapsed.
 */
public final class PersonNamePolicy {

  private final int maxLength;

  public PersonNamePolicy(int maxLength) {
    this.maxLength = maxLength;
  }

  /**
   * The normalised name, or a refusal: {@code <code>.required}, {@code .too-long}, {@code
   * .invalid}.
   */
  public String check(@Nullable String raw, String code) {
    if (raw == null || raw.isBlank()) {
      throw SuishenException.badInput(code + ".required");
    }
    String name = normalise(raw);
    if (name.codePointCount(0, name.length()) > maxLength) {
      throw SuishenException.badInput(code + ".too-long", String.valueOf(maxLength));
    }
    boolean hasLetter = name.codePoints().anyMatch(Character::isLetter);
    if (!hasLetter || !name.codePoints().allMatch(PersonNamePolicy::allowed)) {
      throw SuishenException.badInput(code + ".invalid");
    }
    return name;
  }

  /** NFC, blanks trimmed and collapsed to one space. */
  public static String normalise(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
  }

  private static boolean allowed(int c) {
    if (Character.isLetter(c)) {
      return true;
    }
    int type = Character.getType(c);
    if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK) {
      return true;
    }
    return switch (c) {
      case ' ', '·', '•', '・', '‧', '-', '\'', '’', '.' -> true;
      default -> false;
    };
  }
}
