package org.suishen.shared.masking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A masked Latin-script name reveals its initials, never its length (MISSION X1). */
class MaskingPropertiesTest {

  /** Two names with the same initials, of any lengths and any number of middle parts. */
  record SameInitials(String one, String other) {}

  @Provide
  Arbitrary<SameInitials> sameInitials() {
    Arbitrary<Character> initial = Arbitraries.chars().range('A', 'Z');
    return Combinators.combine(initial, initial, parts(), parts())
        .as(
            (first, last, one, other) ->
                new SameInitials(name(first, last, one), name(first, last, other)));
  }

  /** The rest of the first part, middle parts, the rest of the last part. */
  private static Arbitrary<List<String>> parts() {
    Arbitrary<String> letters = Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(30);
    Arbitrary<String> middle =
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
    return Combinators.combine(letters, middle.list().ofMaxSize(3), letters)
        .as(
            (rest, middles, lastRest) -> {
              var parts = new java.util.ArrayList<String>();
              parts.add(rest);
              parts.add(String.join(" ", middles));
              parts.add(lastRest);
              return parts;
            });
  }

  private static String name(char first, char last, List<String> parts) {
    String middles = parts.get(1).isEmpty() ? "" : " " + parts.get(1);
    return first + parts.get(0) + middles + " " + last + parts.get(2);
  }

  @Property
  void latinNamesWithTheSameInitialsMaskAlikeWhateverTheirLengths(
      @ForAll("sameInitials") SameInitials names) {
    String masked = Masking.name(names.one());

    assertThat(Masking.name(names.other())).isEqualTo(masked);
    assertThat(masked).hasSize("J*** S***".length());
    assertThat(masked.charAt(0)).isEqualTo(names.one().charAt(0));
  }

  @Property
  void chineseNamesKeepTheirLengthAndTheirFirstAndLastCharacter(
      @ForAll("chineseNames") String name) {
    String masked = Masking.name(name);

    assertThat(masked).hasSize(name.length());
    if (name.length() > 1) {
      assertThat(masked.charAt(0)).isEqualTo(name.charAt(0));
    }
    if (name.length() > 2) {
      assertThat(masked.charAt(masked.length() - 1)).isEqualTo(name.charAt(name.length() - 1));
    }
  }

  @Provide
  Arbitrary<String> chineseNames() {
    return Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').ofMinLength(1).ofMaxLength(8);
  }
}
