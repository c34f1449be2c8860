package org.suishen.identity.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.suishen.identity.DocumentType;
import org.suishen.identity.IdentityDocument;
import org.suishen.identity.ResidentIdNumbers;
import org.suishen.shared.problem.SuishenException;

class ResidentIdPropertiesTest {

  private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
  private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

  @Property(tries = 2000)
  void generatedNumbersAlwaysPass(@ForAll("residentIds") String number) {
    var document = IdentityDocument.of(DocumentType.RESIDENT_ID, number);
    assertThat(document.number()).isEqualTo(number);
    assertThat(document.embeddedBirthDate()).isPresent();
  }

  @Property(tries = 2000)
  void generatedNumbersCarryTheirBirthDate(
      @ForAll("provinces") String region,
      @ForAll("birthDates") LocalDate birth,
      @ForAll @IntRange(min = 0, max = 999) int sequence) {
    String number = ResidentIdNumbers.generate(region, birth, sequence);
    assertThat(IdentityDocument.of(DocumentType.RESIDENT_ID, number).embeddedBirthDate())
        .contains(birth);
  }

  @Property(tries = 5000)
  void changingAnySingleCharacterIsRefused(
      @ForAll("residentIds") String number,
      @ForAll @IntRange(min = 0, max = 17) int position,
      @ForAll("replacements") char replacement) {
    Assume.that(
        !DocumentNumbers.clean(String.valueOf(replacement))
            .equals(String.valueOf(number.charAt(position))));
    String changed = number.substring(0, position) + replacement + number.substring(position + 1);
    assertThatThrownBy(() -> IdentityDocument.of(DocumentType.RESIDENT_ID, changed))
        .isInstanceOf(SuishenException.class);
  }

  @Provide
  Arbitrary<String> residentIds() {
    return Combinators.combine(provinces(), birthDates(), Arbitraries.integers().between(0, 999))
        .as(ResidentIdNumbers::generate);
  }

  @Provide
  Arbitrary<String> provinces() {
    return Combinators.combine(
            Arbitraries.of(Gb11643.PROVINCES), Arbitraries.integers().between(0, 9999))
        .as((province, county) -> "%02d%04d".formatted(province, county));
  }

  @Provide
  Arbitrary<LocalDate> birthDates() {
    long days = java.time.temporal.ChronoUnit.DAYS.between(EARLIEST, LATEST);
    return Arbitraries.longs().between(0, days).map(EARLIEST::plusDays);
  }

  @Provide
  Arbitrary<Character> replacements() {
    return Arbitraries.of(
        '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X', 'x', 'A', 'Z', ' ', '-', '.', '*',
        '１', '９', 'Ｘ', '/', '中');
  }
}
