package org.suishen.sampling.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * A transfer box's barcode: {@code B} and a tube-style number (eleven digits and the MOD 11-2 check
 * character), so that a box and a tube scanned at the wrong step are told apart at once.
 */
public record BoxBarcode(String value) {

  public static Optional<BoxBarcode> parse(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String text = raw.strip().toUpperCase(Locale.ROOT);
    if (!text.startsWith("B")) {
      return Optional.empty();
    }
    return TubeBarcode.parse(text.substring(1)).map(number -> new BoxBarcode("B" + number.value()));
  }

  public static BoxBarcode of(long serial) {
    return new BoxBarcode("B" + TubeBarcode.of(serial).value());
  }
}
