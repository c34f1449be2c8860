package org.suishen.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RandomIdsTest {

  @Test
  void makesDistinctVersion4Uuids() {
    var ids = new RandomIds();
    var seen = new HashSet<UUID>();
    long bitsSet = 0;
    for (int i = 0; i < 100_000; i++) {
      UUID id = ids.next();
      assertThat(id.version()).isEqualTo(4);
      assertThat(id.variant()).isEqualTo(2);
      assertThat(seen.add(id)).isTrue();
      bitsSet += Long.bitCount(id.getLeastSignificantBits() & 0x3FFFFFFFFFFFFFFFL);
    }
    // 62 random bits each: about half of them set
    assertThat(bitsSet / 100_000.0).isBetween(30.0, 32.0);
  }

  @Test
  void twoImportsDrawDifferentIds() {
    assertThat(new RandomIds().next()).isNotEqualTo(new RandomIds().next());
  }
}
