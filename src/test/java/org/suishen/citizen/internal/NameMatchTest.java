package org.suishen.citizen.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameMatchTest {

  @ParameterizedTest
  @CsvSource({
    "王小明, 王小明",
    "王小明, ' 王小明 '",
    "王小明, 王 小明",
    "阿依古丽·买买提, 阿依古丽•买买提",
    "阿依古丽·买买提, 阿依古丽.买买提",
    "阿依古丽·买买提, 阿依古丽买买提",
    "John Smith, JOHN SMITH",
    "John Smith, ＪＯＨＮ　ＳＭＩＴＨ"
  })
  void sameNameWrittenDifferently(String registered, String typed) {
    assertThat(NameMatch.same(registered, typed)).isTrue();
  }

  @ParameterizedTest
  @CsvSource({"王小明, 王晓明", "王小明, 王小", "John Smith, Jon Smith", "王小明, ' '"})
  void differentNames(String registered, String typed) {
    assertThat(NameMatch.same(registered, typed)).isFalse();
  }
}
