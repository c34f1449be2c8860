package org.suishen.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.suishen.audit.AnchoredHead;

class FileAuditAnchorTest {

  @TempDir Path folder;

  private static AnchoredHead head(long seq) {
    return new AnchoredHead(
        seq, "ab".repeat(32), Instant.parse("2026-05-01T08:00:00Z").plusSeconds(seq));
  }

  @Test
  void eachHeadIsAppendedAsOneLineInANewFolderIfNeeded() throws IOException {
    Path file = folder.resolve("anchors/audit.log");
    var anchor = new FileAuditAnchor(new AnchorProperties("file", Duration.ZERO, file));
    assertThat(anchor.publish(head(1))).isEqualTo("file:" + file.toAbsolutePath());
    anchor.publish(head(2));
    assertThat(Files.readAllLines(file)).containsExactly(head(1).line(), head(2).line());
  }

  @Test
  void aLineTornByACrashIsClosedBeforeTheNextOne() throws IOException {
    Path file = folder.resolve("audit.log");
    Files.writeString(file, head(1).line() + "\nsuishen-audit-anch", StandardCharsets.US_ASCII);
    new FileAuditAnchor(new AnchorProperties("file", Duration.ZERO, file)).publish(head(2));
    assertThat(Files.readAllLines(file))
        .containsExactly(head(1).line(), "suishen-audit-anch", head(2).line());
    assertThat(AnchoredHead.parse(Files.readAllLines(file).getLast())).isEqualTo(head(2));
  }
}
