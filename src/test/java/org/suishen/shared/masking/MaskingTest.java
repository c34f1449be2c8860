package org.suishen.shared.masking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

  @Test
  void chineseNamesKeepTheirFirstAndLastCharacter() {
    assertThat(Masking.name("王小明")).isEqualTo("王*明");
    assertThat(Masking.name("王明")).isEqualTo("王*");
    assertThat(Masking.name("王")).isEqualTo("*");
    assertThat(Masking.name("阿依古丽·买买提")).isEqualTo("阿******提");
    assertThat(Masking.name(" 欧阳娜娜 ")).isEqualTo("欧**娜");
  }

  @Test
  void latinNamesShowOnlyTheInitialsOfTheirFirstAndLastPart() {
    assertThat(Masking.name("John Smith")).isEqualTo("J*** S***");
    assertThat(Masking.name("lena SCHMIDT")).isEqualTo("L*** S***");
    assertThat(Masking.name("Maximilian von Habsburg")).isEqualTo("M*** H***");
    assertThat(Masking.name("Anne-Marie O'Neil")).isEqualTo("A*** O***");
    assertThat(Masking.name("SMITH, JOHN")).isEqualTo("S*** J***");
    assertThat(Masking.name("J. Smith")).isEqualTo("J*** S***");
    assertThat(Masking.name("Madonna")).isEqualTo("M***");
    assertThat(Masking.name("Al")).isEqualTo("A***");
  }

  @Test
  void accentedLatinNamesAreLatinInAnyUnicodeForm() {
    assertThat(Masking.name("Émile Zola")).isEqualTo("É*** Z***");
    assertThat(Masking.name("E\u0301mile Zola")).isEqualTo("É*** Z***");
    assertThat(Masking.name("Łukasz Żółć")).isEqualTo("Ł*** Ż***");
  }

  @Test
  void namesMixingScriptsOrWithoutLettersKeepTheCharacterRule() {
    assertThat(Masking.name("Anna 李")).isEqualTo("A****李");
    assertThat(Masking.name("Иван Петров")).isEqualTo("И*********в");
    assertThat(Masking.name("")).isEmpty();
    assertThat(Masking.name("  ")).isEmpty();
  }

  @Test
  void documentAndPhoneNumbersKeepTheirRule() {
    assertThat(Masking.documentNumber("310101199001011234")).isEqualTo("3101**********1234");
    assertThat(Masking.documentNumber("E1234567")).isEqualTo("******67");
    assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
  }
}
