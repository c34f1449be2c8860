package org.suishen.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ResidentIdNumbersTest {

  @Test
  void makesTheStandardsExample() {
    assertThat(ResidentIdNumbers.generate("110105", LocalDate.of(1949, 12, 31), 2))
        .isEqualTo("11010519491231002X");
  }

  @Test
  void givesMenOddAndWomenEvenSequences() {
    assertThat(ResidentIdNumbers.sequenceFor(0, Sex.MALE)).isEqualTo(1);
    assertThat(ResidentIdNumbers.sequenceFor(0, Sex.FEMALE)).isZero();
    assertThat(ResidentIdNumbers.sequenceFor(499, Sex.MALE)).isEqualTo(999);
  }

  @Test
  void refusesImpossibleInput() {
    assertThatThrownBy(() -> ResidentIdNumbers.generate("3101", LocalDate.of(1990, 1, 1), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ResidentIdNumbers.generate("310104", LocalDate.of(1990, 1, 1), 1000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> ResidentIdNumbers.hmtResidencePermit("310000", LocalDate.of(1990, 1, 1), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ResidentIdNumbers.sequenceFor(500, Sex.MALE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
