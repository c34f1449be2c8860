package org.suishen.dependants.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameMatchTest {

  @Test
  void ignoresSpacesWidthAndCase() {
    assertThat(NameMatch.same(" 王 小明 ", "王小明")).isTrue();
    assertThat(NameMatch.same("ＪＯＨＮ smith", "John Smith")).isTrue();
  }

  @Test
  void treatsEveryMiddleDotTheSame() {
    assertThat(NameMatch.same("阿依古丽•买买提", "阿依古丽·买买提")).isTrue();
    assertThat(NameMatch.same("阿依古丽・买买提", "阿依古丽·买买提")).isTrue();
  }

  @Test
  void differentNamesDoNotMatch() {
    assertThat(NameMatch.same("王小明", "王晓明")).isFalse();
    assertThat(NameMatch.same("", "")).isFalse();
    assertThat(NameMatch.same("   ", "王")).isFalse();
  }
}
