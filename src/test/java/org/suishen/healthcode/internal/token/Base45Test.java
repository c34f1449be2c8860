package org.suishen.healthcode.internal.token;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Base45Test {

  /** The examples of RFC 9285 section 4.3 and 4.4. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"AB|BB8", "Hello!!|%69 VD92EX0", "base-45|UJCLQE7W581", "ietf!|QED8WEX0"})
  void encodesAndDecodesTheRfcExamples(String plain, String encoded) {
    assertThat(Base45.encode(plain.getBytes(UTF_8))).isEqualTo(encoded);
    assertThat(new String(Base45.decode(encoded, 0), UTF_8)).isEqualTo(plain);
  }

  @ParameterizedTest
  @ValueSource(strings = {"GGW", "A", "BB8A", "bb8", "QED8WEX0\n", "ÄB8"})
  void refusesWhatIsNotBase45(String text) {
    assertThatThrownBy(() -> Base45.decode(text, 0)).isInstanceOf(MalformedToken.class);
  }
}
