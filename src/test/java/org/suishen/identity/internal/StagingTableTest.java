package org.suishen.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.suishen.identity.DocumentType;
import org.suishen.identity.IdentityDocument;
import org.suishen.identity.Sex;

class StagingTableTest {

  private static RegisterRow row(String name, String district) {
    return new RegisterRow(
        IdentityDocument.of(DocumentType.FOREIGN_PASSPORT, "E1234567"),
        name,
        "a·b",
        Sex.FEMALE,
        LocalDate.of(1990, 1, 2),
        null,
        district,
        null,
        true);
  }

  /** Reads PostgreSQL's binary COPY format back: one list of field values (null = NULL) a row. */
  private static List<List<byte[]>> decode(byte[] copy) {
    var in = ByteBuffer.wrap(copy);
    byte[] signature = new byte[11];
    in.get(signature);
    assertThat(new String(signature, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("PGCOP");
    assertThat(in.getInt()).isZero();
    assertThat(in.getInt()).isZero();
    var rows = new ArrayList<List<byte[]>>();
    short fields;
    while ((fields = in.getShort()) != -1) {
      var row = new ArrayList<byte[]>();
      for (int i = 0; i < fields; i++) {
        int length = in.getInt();
        byte[] value = length < 0 ? null : new byte[length];
        if (value != null) {
          in.get(value);
        }
        row.add(value);
      }
      rows.add(row);
    }
    assertThat(in.hasRemaining()).isFalse();
    return rows;
  }

  private static String text(byte[] value) {
    return new String(value, StandardCharsets.UTF_8);
  }

  @Test
  void writesTheBinaryCopyFormatWithARandomIdAndNulls() throws IOException {
    var bytes = new ByteArrayOutputStream();
    try (var writer = new StagingTable.RowWriter(bytes, new RandomIds())) {
      writer.write(row("a\\b\tc", "徐汇区"));
    }
    List<byte[]> fields = decode(bytes.toByteArray()).getFirst();
    assertThat(fields).hasSize(11);
    var id = ByteBuffer.wrap(fields.get(0));
    assertThat(new UUID(id.getLong(), id.getLong()).version()).isEqualTo(4);
    assertThat(text(fields.get(1))).isEqualTo("FOREIGN_PASSPORT");
    assertThat(text(fields.get(2))).isEqualTo("E1234567");
    assertThat(text(fields.get(3))).isEqualTo("a\\b\tc");
    assertThat(text(fields.get(4))).isEqualTo("a·b");
    assertThat(text(fields.get(5))).isEqualTo("F");
    assertThat(ByteBuffer.wrap(fields.get(6)).getInt())
        .as("days from 2000-01-01 to 1990-01-02")
        .isEqualTo(-3651);
    assertThat(fields.get(7)).isNull();
    assertThat(text(fields.get(8))).isEqualTo("徐汇区");
    assertThat(fields.get(9)).isNull();
    assertThat(fields.get(10)).containsExactly(1);
  }

  @Test
  void writesLongFieldsAcrossBufferBoundariesAndClosesOnce() throws IOException {
    var bytes = new ByteArrayOutputStream();
    var writer = new StagingTable.RowWriter(bytes, new RandomIds());
    String district = "区".repeat(3000);
    for (int i = 0; i < 2000; i++) {
      writer.write(row("名".repeat(100), district));
    }
    writer.close();
    writer.close();
    List<List<byte[]>> rows = decode(bytes.toByteArray());
    assertThat(rows).hasSize(2000).allSatisfy(r -> assertThat(text(r.get(8))).isEqualTo(district));
  }
}
