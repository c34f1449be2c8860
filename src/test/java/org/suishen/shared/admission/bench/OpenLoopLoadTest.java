package org.suishen.shared.admission.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The overload generator reads whole answers only, by length or by chunks, never half of one. */
class OpenLoopLoadTest {

  static OpenLoopLoad.Answer parse(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    return OpenLoopLoad.parse(bytes, bytes.length);
  }

  @Test
  void anAnswerWithItsLengthIsWholeOnlyWithItsBody() {
    String answer = "HTTP/1.1 200 \r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n";
    assertThat(parse(answer + "{\"a\":")).isNull();
    assertThat(parse(answer + "{\"a\":1}"))
        .isEqualTo(new OpenLoopLoad.Answer(200, false, false, answer.length() + 7));
    assertThat(parse("HTTP/1.1 200 OK\r\nContent-Len")).isNull();
  }

  @Test
  void aChunkedAnswerIsWholeAtItsLastChunk() {
    String head = "HTTP/1.1 200 \r\nTransfer-Encoding: chunked\r\n\r\n";
    assertThat(parse(head + "5\r\nhello\r\n")).isNull();
    assertThat(parse(head + "5\r\nhello\r\n0\r\n")).isNull();
    String whole = head + "5\r\nhello\r\n6;x=y\r\n world\r\n0\r\n\r\n";
    assertThat(parse(whole)).isEqualTo(new OpenLoopLoad.Answer(200, false, false, whole.length()));
  }

  @Test
  void aRefusalTellsWhetherItSaidWhenToComeBackAndWhetherItCloses() {
    assertThat(
            parse(
                "HTTP/1.1 503 \r\nRetry-After: 2\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"))
        .extracting(
            OpenLoopLoad.Answer::status,
            OpenLoopLoad.Answer::retryAfter,
            OpenLoopLoad.Answer::close)
        .containsExactly(503, true, true);
    assertThat(parse("HTTP/1.1 429 \r\ncontent-length: 0\r\n\r\n").retryAfter()).isFalse();
  }
}
