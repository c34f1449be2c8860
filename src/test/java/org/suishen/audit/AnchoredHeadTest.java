package org.suishen.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AnchoredHeadTest {

  private static final String HASH = "0123456789abcdef".repeat(4);

  @Test
  void aLineReadsBackToTheSameHead() {
    var head = new AnchoredHead(1234, HASH, Instant.parse("2026-05-01T08:00:00Z"));
    assertThat(head.line())
        .isEqualTo(
            "suishen-audit-anchor v1 seq=1234 hash=" + HASH + " verified-at=2026-05-01T08:00:00Z");
    assertThat(AnchoredHead.parse(head.line())).isEqualTo(head);
    assertThat(AnchoredHead.parse("  " + head.line() + "\r\n")).isEqualTo(head);
  }

  @Test
  void theTimeMayBeLeftOutAndUpperCaseHexIsAccepted() {
    AnchoredHead head =
        AnchoredHead.parse("suishen-audit-anchor v1 hash=" + HASH.toUpperCase() + " seq=7");
    assertThat(head).isEqualTo(new AnchoredHead(7, HASH, null));
    assertThat(head.hashBytes()).hasSize(32);
  }

  @Test
  void anythingElseIsNotAnAnchorLine() {
    assertThat(AnchoredHead.parse(null)).isNull();
    assertThat(AnchoredHead.parse("")).isNull();
    assertThat(AnchoredHead.parse("seq=1 hash=" + HASH)).isNull();
    assertThat(AnchoredHead.parse("suishen-audit-anchor v2 seq=1 hash=" + HASH)).isNull();
    assertThat(AnchoredHead.parse("suishen-audit-anchor v1 seq=0 hash=" + HASH)).isNull();
    assertThat(AnchoredHead.parse("suishen-audit-anchor v1 seq=-3 hash=" + HASH)).isNull();
    assertThat(AnchoredHead.parse("suishen-audit-anchor v1 seq=x hash=" + HASH)).isNull();
    assertThat(AnchoredHead.parse("suishen-audit-anchor v1 seq=1 hash=abc")).isNull();
    assertThat(AnchoredHead.parse("suishen-audit-anchor v1 seq=1 hash=" + HASH + "00")).isNull();
    assertThat(AnchoredHead.parse("suishen-audit-anchor v1 seq=1")).isNull();
    assertThat(AnchoredHead.parse("suishen-audit-anchor v1 seq=1 hash=" + HASH + " who=x"))
        .isNull();
    assertThat(
            AnchoredHead.parse("suishen-audit-anchor v1 seq=1 hash=" + HASH + " verified-at=today"))
        .isNull();
    assertThat(AnchoredHead.parse("suishen-audit-anchor v1 seq=1 hash=" + HASH + " x".repeat(300)))
        .isNull();
  }
}
