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
    try (var writer = new StagingTable.RowWriter(bytes, new RandomIds(), "\tsuffix")) {
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
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text)
        .matches("(?s)[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\t.*")
        .endsWith(
            "\tFOREIGN_PASSPORT\tE1234567\ta\\\\b\\tc\ta·b\tF\t1990-01-02\t\\N\t徐汇区\t\\N\tt"
                + "\tsuffix\n");
  }

  @Test
  void escapesLongFieldsAcrossBufferBoundariesAndClosesOnce() throws IOException {
    var bytes = new ByteArrayOutputStream();
    var writer = new StagingTable.RowWriter(bytes, new RandomIds());
    String district = "\\".repeat(60);
    for (int i = 0; i < 2000; i++) {
      writer.write(
          new RegisterRow(
              IdentityDocument.of(DocumentType.FOREIGN_PASSPORT, "E1234567"),
              "名".repeat(100),
              "名".repeat(100),
              Sex.MALE,
              LocalDate.of(1990, 1, 2),
              "H" + i,
              district,
              null,
              false));
    }
    writer.close();
    writer.close();
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text.lines()).hasSize(2000).allMatch(line -> line.split("\t").length == 11);
    assertThat(text).contains("\\\\".repeat(60));
  }
}
