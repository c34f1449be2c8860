package org.suishen.healthcode.internal.token;

import org.jspecify.annotations.Nullable;
import org.suishen.status.Colour;

/** The colour byte of a token: 0 none (codes that show no status), 1 green, 2 yellow, 3 red. */
public final class TokenColour {

  private TokenColour() {}

  public static int toByte(@Nullable Colour colour) {
    if (colour == null) {
      return 0;
    }
    return switch (colour) {
      case GREEN -> 1;
      case YELLOW -> 2;
      case RED -> 3;
    };
  }

  public static @Nullable Colour fromByte(int value) {
    return switch (value) {
      case 1 -> Colour.GREEN;
      case 2 -> Colour.YELLOW;
      case 3 -> Colour.RED;
      default -> null;
    };
  }
}
