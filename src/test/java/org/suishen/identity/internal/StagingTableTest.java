package org.suishen.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.suishen.identity.DocumentType;
import org.suishen.identity.IdentityDocument;
import org.suishen.identity.Sex;

class StagingTableTest {

  @Test
  void writesCopyTextWithEscapesAndNulls() throws IOException {
    var bytes = new ByteArrayOutputStream();
    try (var writer = new StagingTable.RowWriter(bytes)) {
      writer.write(
          new RegisterRow(
              IdentityDocument.of(DocumentType.FOREIGN_PASSPORT, "E1234567"),
              "a\\b\tc",
              "a·b",
              Sex.FEMALE,
              LocalDate.of(1990, 1, 2),
              null,
              "徐汇区",
              null,
              true));
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "FOREIGN_PASSPORT\tE1234567\ta\\\\b\\tc\ta·b\tF\t1990-01-02\t\\N\t徐汇区\t\\N\tt\n");
  }
}
