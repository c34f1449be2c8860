package org.suishen.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegisterFileReaderTest {

  private final String[] fields = new String[9];

  private static RegisterFileReader reader(String text) {
    return reader(text.getBytes(StandardCharsets.UTF_8), 8192);
  }

  private static RegisterFileReader reader(byte[] bytes, int maxLength) {
    return new RegisterFileReader(new ByteArrayInputStream(bytes), maxLength);
  }

  private int split(String line) throws IOException {
    var r = reader(line + "\n");
    assertThat(r.next()).isTrue();
    return r.split(fields);
  }

  @Test
  void readsLfAndCrLfLinesAndCountsLinesAndBytes() throws IOException {
    var r = reader("a\r\nb\n\n  \nc");
    assertThat(r.next()).isTrue();
    assertThat(r.line()).isEqualTo("a");
    assertThat(r.next()).isTrue();
    assertThat(r.line()).isEqualTo("b");
    assertThat(r.next()).isTrue();
    assertThat(r.blank()).isTrue();
    assertThat(r.next()).isTrue();
    assertThat(r.blank()).isTrue();
    assertThat(r.next()).isTrue();
    assertThat(r.line()).isEqualTo("c");
    assertThat(r.lineNumber()).isEqualTo(5);
    assertThat(r.next()).isFalse();
    assertThat(r.bytesRead()).isEqualTo(10);
  }

  @Test
  void splitsPlainFieldsAndDropsSurroundingSpaces() throws IOException {
    assertThat(split("a, 王小明 ,c")).isEqualTo(3);
    assertThat(fields).startsWith("a", "王小明", "c");
  }

  @Test
  void keepsEmptyFieldsIncludingATrailingOne() throws IOException {
    assertThat(split("a,,c,")).isEqualTo(4);
    assertThat(fields).startsWith("a", "", "c", "");
  }

  @Test
  void readsQuotedFieldsWithCommasAndDoubledQuotes() throws IOException {
    assertThat(split("\"Smith, John\",\"say \"\"你好\"\"\" ,x")).isEqualTo(3);
    assertThat(fields).startsWith("Smith, John", "say \"你好\"", "x");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"open,b", "a\"b,c", "\"a\"b,c"})
  void refusesUnbalancedOrStrayQuotes(String line) throws IOException {
    assertThat(split(line)).isEqualTo(RegisterFileReader.UNBALANCED_QUOTES);
  }

  @Test
  void countsFieldsBeyondTheArray() throws IOException {
    assertThat(split("1,2,3,4,5,6,7,8,9,10,11")).isEqualTo(11);
    assertThat(fields[8]).isEqualTo("9");
  }

  @Test
  void cutsOverlongLinesAndSaysSo() throws IOException {
    var r = reader(("x".repeat(100_000) + "\nok\n").getBytes(StandardCharsets.UTF_8), 10);
    assertThat(r.next()).isTrue();
    assertThat(r.tooLong()).isTrue();
    assertThat(r.line()).hasSize(10);
    assertThat(r.next()).isTrue();
    assertThat(r.tooLong()).isFalse();
    assertThat(r.line()).isEqualTo("ok");
    assertThat(r.lineNumber()).isEqualTo(2);
  }

  @Test
  void readsLinesLongerThanItsBuffer() throws IOException {
    String longLine = "名".repeat(100_000);
    var r = reader((longLine + "\n").getBytes(StandardCharsets.UTF_8), 1_000_000);
    assertThat(r.next()).isTrue();
    assertThat(r.line()).isEqualTo(longLine);
    assertThat(r.next()).isFalse();
  }

  @Test
  void refusesALineThatIsNotUtf8() throws IOException {
    var r = reader(("ok\n" + "王小明,x\n").getBytes(Charset.forName("GBK")), 8192);
    assertThat(r.next()).isTrue();
    assertThatThrownBy(r::next).isInstanceOf(MalformedInputException.class);
  }

  @Test
  void checksUtf8Strictly() {
    assertThat(valid("aé王😀")).isTrue();
    assertThat(valid(0xC0, 0x80)).as("overlong NUL").isFalse();
    assertThat(valid(0xE0, 0x80, 0x80)).as("overlong").isFalse();
    assertThat(valid(0xED, 0xA0, 0x80)).as("surrogate").isFalse();
    assertThat(valid(0xF4, 0x90, 0x80, 0x80)).as("above U+10FFFF").isFalse();
    assertThat(valid(0xE7, 0x8E)).as("cut short").isFalse();
    assertThat(valid(0x80)).as("stray continuation").isFalse();
    assertThat(valid(0xFF)).isFalse();
  }

  private static boolean valid(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return RegisterFileReader.Utf8.valid(b, 0, b.length);
  }

  private static boolean valid(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return RegisterFileReader.Utf8.valid(b, 0, b.length);
  }
}
