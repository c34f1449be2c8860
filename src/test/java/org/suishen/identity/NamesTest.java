package org.suishen.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "阿依古丽·买买提",
        "阿依古丽•买买提",
        "阿依古丽・买买提",
        "阿依古丽‧买买提",
        "阿依古丽･买买提",
        "阿依古丽.买买提",
        "阿依古丽．买买提",
        "阿依古丽 · 买买提",
        " 阿依古丽··买买提 ",
        "阿依古丽\u200B·买买提"
      })
  void unifiesTheMiddleDotVariantsOfMinorityNames(String written) {
    assertThat(Names.normalise(written)).isEqualTo("阿依古丽\u00B7买买提");
    assertThat(Names.same(written, "阿依古丽·买买提")).isTrue();
  }

  @Test
  void foldsTheCaseAndSpacingOfLatinNames() {
    assertThat(Names.normalise("John SMITH")).isEqualTo("john smith");
    assertThat(Names.same("John SMITH", "john smith")).isTrue();
    assertThat(Names.same("  John \t  Smith ", "JOHN SMITH")).isTrue();
    assertThat(Names.same("JohnSmith", "John Smith")).isFalse();
  }

  @Test
  void foldsFullWidthLettersAndTheIdeographicSpace() {
    assertThat(Names.normalise("ＪＯＨＮ\u3000ＳＭＩＴＨ")).isEqualTo("john smith");
    assertThat(Names.same("ＪＯＨＮ　ＳＭＩＴＨ", "John Smith")).isTrue();
  }

  @Test
  void removesSpacesBetweenChineseCharacters() {
    assertThat(Names.normalise("王 小明")).isEqualTo("王小明");
    assertThat(Names.normalise("王\u3000小明")).isEqualTo("王小明");
    assertThat(Names.same("王 小 明", "王小明")).isTrue();
  }

  @Test
  void foldsSharpSAndKeepsAccents() {
    assertThat(Names.same("Strauß", "STRAUSS")).isTrue();
    assertThat(Names.same("Müller", "MÜLLER")).isTrue();
    assertThat(Names.same("Müller", "Muller")).isFalse();
  }

  @Test
  void writesLatinInitialsWithTheMiddleDotSoThatTheyCompareAlike() {
    assertThat(Names.normalise("J. Smith")).isEqualTo("j·smith");
    assertThat(Names.same("J.Smith", "j. smith")).isTrue();
  }

  @Test
  void keepsDifferentNamesApart() {
    assertThat(Names.same("张三", "张三丰")).isFalse();
    assertThat(Names.same("阿依古丽·买买提", "阿依古丽买买提")).isFalse();
  }

  @Test
  void leavesNothingOfABlankName() {
    assertThat(Names.normalise("  \u3000 · ")).isEmpty();
  }
}
