package org.suishen.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CsvLineReaderTest {

  @Test
  void readsLfAndCrLfLinesAndCountsThem() throws IOException {
    var lines = new CsvLineReader(new StringReader("a\r\nb\n\nc"), 100);
    assertThat(lines.next()).isEqualTo("a");
    assertThat(lines.next()).isEqualTo("b");
    assertThat(lines.next()).isEmpty();
    assertThat(lines.next()).isEqualTo("c");
    assertThat(lines.lineNumber()).isEqualTo(4);
    assertThat(lines.next()).isNull();
  }

  @Test
  void cutsOverlongLinesAndSaysSo() throws IOException {
    var lines = new CsvLineReader(new StringReader("x".repeat(100_000) + "\nok\n"), 10);
    assertThat(lines.next()).hasSize(10);
    assertThat(lines.tooLong()).isTrue();
    assertThat(lines.next()).isEqualTo("ok");
    assertThat(lines.tooLong()).isFalse();
    assertThat(lines.lineNumber()).isEqualTo(2);
  }

  @Test
  void readsLinesLongerThanItsBuffer() throws IOException {
    String longLine = "y".repeat(200_000);
    var lines = new CsvLineReader(new StringReader(longLine + "\n"), 300_000);
    assertThat(lines.next()).isEqualTo(longLine);
    assertThat(lines.next()).isNull();
  }
}
