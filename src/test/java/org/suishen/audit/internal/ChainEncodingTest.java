package org.suishen.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChainEncodingTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final Instant AT = Instant.parse("2026-05-01T08:00:00.123456Z");
  private static final UUID PERSON = UUID.fromString("6f1c2a3b-0000-4000-8000-000000000001");

  private static AuditEntry entry(
      long id, String actor, String action, UUID subject, String reason, String detail) {
    return new AuditEntry(id, null, AT, actor, action, subject, reason, detail, null);
  }

  /** Known answers, computed independently (Python struct + hashlib) from the documented format. */
  @Test
  void matchesTheDocumentedFormatByteForByte() {
    var first = entry(42, "staff:wang.li", "identity.person.read", PERSON, "复核申诉", null);
    assertThat(HEX.formatHex(ChainEncoding.encode(1, first)))
        .isEqualTo(
            "010000000000000001000000000000002a000650bcf7b442400000000d73746166663a77616e672e6c69"
                + "000000146964656e746974792e706572736f6e2e72656164016f1c2a3b000040008000000000000001"
                + "0000000ce5a48de6a0b8e794b3e8af89ffffffff");
    byte[] h1 = ChainEncoding.hash(ChainEncoding.genesis(), 1, first);
    assertThat(HEX.formatHex(h1))
        .isEqualTo("1b7456b4b0aa45b2276afec95b9b3a2c9fa1c3ca6827586994dbf6bec33f513e");

    var second =
        new AuditEntry(
            43,
            null,
            AT.plusNanos(1_000),
            "system:status-engine",
            "status.colour.changed",
            null,
            "",
            "",
            null);
    assertThat(HEX.formatHex(ChainEncoding.hash(h1, 2, second)))
        .isEqualTo("72324141615b60867796f25733e5b18a9021b16e64a0b12809ccb3a42e796325");
  }

  @Test
  void everyFieldChangesTheHash() {
    var base = entry(7, "staff:a", "x.y", PERSON, "r", "d");
    byte[] genesis = ChainEncoding.genesis();
    byte[] hash = ChainEncoding.hash(genesis, 5, base);
    var variants =
        new AuditEntry[] {
          entry(8, "staff:a", "x.y", PERSON, "r", "d"),
          entry(7, "staff:b", "x.y", PERSON, "r", "d"),
          entry(7, "staff:a", "x.z", PERSON, "r", "d"),
          entry(7, "staff:a", "x.y", UUID.randomUUID(), "r", "d"),
          entry(7, "staff:a", "x.y", null, "r", "d"),
          entry(7, "staff:a", "x.y", PERSON, "s", "d"),
          entry(7, "staff:a", "x.y", PERSON, "r", "e"),
          entry(7, "staff:a", "x.y", PERSON, "r", null),
          new AuditEntry(7, null, AT.plusNanos(1_000), "staff:a", "x.y", PERSON, "r", "d", null)
        };
    for (AuditEntry variant : variants) {
      assertThat(ChainEncoding.hash(genesis, 5, variant)).as(variant.toString()).isNotEqualTo(hash);
    }
    assertThat(ChainEncoding.hash(genesis, 6, base)).as("chain position").isNotEqualTo(hash);
    byte[] otherPrevious = genesis.clone();
    otherPrevious[31] = 1;
    assertThat(ChainEncoding.hash(otherPrevious, 5, base)).as("previous hash").isNotEqualTo(hash);
  }

  @Test
  void fieldBoundariesCannotBeShifted() {
    // "ab" + "c" and "a" + "bc" would collide without length prefixes
    var one = entry(1, "ab", "c", null, "r", null);
    var two = entry(1, "a", "bc", null, "r", null);
    assertThat(ChainEncoding.encode(1, one)).isNotEqualTo(ChainEncoding.encode(1, two));
  }

  @Test
  void absentAndEmptyDetailDiffer() {
    assertThat(ChainEncoding.encode(1, entry(1, "a", "b", null, "r", null)))
        .isNotEqualTo(ChainEncoding.encode(1, entry(1, "a", "b", null, "r", "")));
  }

  @Test
  void isDeterministicAndStartsFromZeroBytes() {
    var e = entry(3, "staff:a", "x.y", PERSON, "r", null);
    assertThat(ChainEncoding.hash(ChainEncoding.genesis(), 1, e))
        .isEqualTo(ChainEncoding.hash(ChainEncoding.genesis(), 1, e))
        .hasSize(32);
    assertThat(ChainEncoding.genesis()).hasSize(32).containsOnly(0);
  }

  @Test
  void refusesAPreviousHashOfTheWrongLength() {
    assertThatThrownBy(() -> ChainEncoding.link(new byte[31], new byte[1]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
