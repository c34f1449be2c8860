package org.suishen.sampling.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TubeBarcodeTest {

  @Property
  void everyGeneratedBarcodeReadsBack(
      @ForAll @LongRange(min = 0, max = 99_999_999_999L) long serial) {
    TubeBarcode barcode = TubeBarcode.of(serial);
    assertThat(barcode.value()).hasSize(12);
    assertThat(TubeBarcode.parse(barcode.value())).contains(barcode);
    assertThat(TubeBarcode.parse(" " + barcode.value().toLowerCase() + " ")).contains(barcode);
  }

  /** MOD 11-2 catches every single misread character. */
  @Property
  void aSingleWrongCharacterIsRefused(
      @ForAll @LongRange(min = 0, max = 99_999_999_999L) long serial,
      @ForAll @IntRange(min = 0, max = 11) int position,
      @ForAll @IntRange(min = 1, max = 10) int shift) {
    char[] chars = TubeBarcode.of(serial).value().toCharArray();
    String alphabet = "0123456789X";
    int at = alphabet.indexOf(chars[position]);
    chars[position] = alphabet.charAt((at + shift) % 11);
    if (position < 11 && chars[position] == 'X') {
      chars[position] = alphabet.charAt((at + shift + 1) % 10);
    }
    String misread = new String(chars);
    if (!misread.equals(TubeBarcode.of(serial).value())) {
      assertThat(TubeBarcode.parse(misread)).isEmpty();
    }
  }

  @Test
  void theCheckCharacterIsThatOfIso7064Mod112() {
    // the resident ID number's scheme: 11010519491231002 has the check character X
    assertThat(TubeBarcode.check("11010519491231002")).isEqualTo('X');
    assertThat(TubeBarcode.parse("00000000000")).isEmpty();
    assertThat(TubeBarcode.parse("0000000000A1")).isEmpty();
    assertThat(TubeBarcode.parse(null)).isEmpty();
  }
}
