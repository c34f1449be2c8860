package org.suishen.appeals.internal;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.suishen.shared.problem.SuishenException;

/**
 * Free text typed by a person or a reviewer: line breaks normalised, other control characters
 * removed, surrounding blanks trimmed, at most {@code maxLength} characters (counted as Unicode
 * code points, so a Chinese character counts once).
 */
public final class FreeText {

  private FreeText() {}

  /**
   * The cleaned text, refused with {@code <code>.required} if blank and {@code <code>.too-long} if
   * longer than {@code maxLength}.
   */
  public static String required(@Nullable String raw, int maxLength, String code) {
    return optional(raw, maxLength, code)
        .orElseThrow(() -> SuishenException.badInput(code + ".required"));
  }

  /** The cleaned text, or empty if blank; refused with {@code <code>.too-long} if too long. */
  public static Optional<String> optional(@Nullable String raw, int maxLength, String code) {
    if (raw == null) {
      return Optional.empty();
    }
    String text =
        raw.replace("\r\n", "\n")
            .replace('\r', '\n')
            .codePoints()
            .filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString()
            .strip();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (text.codePointCount(0, text.length()) > maxLength) {
      throw SuishenException.badInput(code + ".too-long", String.valueOf(maxLength));
    }
    return Optional.of(text);
  }
}
