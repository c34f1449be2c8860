package org.suishen.healthcode.internal.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class WatermarkTraceTest {

  /** PostgreSQL orders uuid values by their bytes, unsigned. */
  static int compareAsPostgres(UUID a, UUID b) {
    return Arrays.compareUnsigned(bytes(a), bytes(b));
  }

  static byte[] bytes(UUID u) {
    return ByteBuffer.allocate(16)
        .putLong(u.getMostSignificantBits())
        .putLong(u.getLeastSignificantBits())
        .array();
  }

  @Property
  void aTraceLeadsBackToARangeThatHoldsItsReference(
      @ForAll long mostSignificant, @ForAll long leastSignificant) {
    var reference = new UUID(mostSignificant, leastSignificant);
    String trace = WatermarkTrace.of(reference);

    assertThat(trace).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
    long bits = WatermarkTrace.parse(trace).orElseThrow();
    assertThat(compareAsPostgres(WatermarkTrace.lowest(bits), reference)).isLessThanOrEqualTo(0);
    assertThat(compareAsPostgres(reference, WatermarkTrace.highest(bits))).isLessThanOrEqualTo(0);
    // a neighbouring trace's range does not hold it
    if (bits < (1L << 60) - 1) {
      assertThat(compareAsPostgres(WatermarkTrace.lowest(bits + 1), reference)).isPositive();
    }
  }

  @Test
  void tracesAreReadAsAPersonTypesThem() {
    var reference = UUID.fromString("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
    String trace = WatermarkTrace.of(reference);
    long bits = WatermarkTrace.parse(trace).orElseThrow();

    assertThat(WatermarkTrace.parse(trace.toLowerCase().replace("-", " "))).hasValue(bits);
    assertThat(WatermarkTrace.parse(trace.replace("-", ""))).hasValue(bits);
    assertThat(WatermarkTrace.parse(trace.replace('0', 'O').replace('1', 'I'))).hasValue(bits);
    assertThat(WatermarkTrace.parse(trace.replace('1', 'l'))).hasValue(bits);
  }

  @Test
  void whatIsNoTraceIsSaidSo() {
    assertThat(WatermarkTrace.parse("")).isEmpty();
    assertThat(WatermarkTrace.parse("1M7Q-8ZK2-D4X")).isEmpty();
    assertThat(WatermarkTrace.parse("1M7Q-8ZK2-D4XRR")).isEmpty();
    assertThat(WatermarkTrace.parse("1M7Q-8ZK2-D4XU")).isEmpty();
    assertThat(WatermarkTrace.parse("王*明-8ZK2-D4XR")).isEmpty();
  }
}
