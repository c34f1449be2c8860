package org.suishen.appeals.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.suishen.appeals.internal.Refusals.badInput;

import org.junit.jupiter.api.Test;

class FreeTextTest {

  @Test
  void normalisesLineBreaksAndDropsControlCharacters() {
    assertThat(FreeText.required(" 第一行\r\n第二行\r第三行\u0000\u001b ", 100, "t"))
        .isEqualTo("第一行\n第二行\n第三行");
  }

  @Test
  void countsCharactersNotBytesOrUtf16Units() {
    String emoji = "😷".repeat(5); // 10 UTF-16 units, 5 characters
    assertThat(FreeText.required(emoji, 5, "t")).isEqualTo(emoji);
    badInput(() -> FreeText.required(emoji + "x", 5, "t"), "t.too-long");
  }

  @Test
  void blankIsMissing() {
    assertThat(FreeText.optional("  \n ", 5, "t")).isEmpty();
    assertThat(FreeText.optional(null, 5, "t")).isEmpty();
    badInput(() -> FreeText.required("\t", 5, "t"), "t.required");
  }
}
