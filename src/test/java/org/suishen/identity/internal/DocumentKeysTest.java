package org.suishen.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.suishen.identity.DocumentType;
import org.suishen.identity.IdentityDocument;
import org.suishen.identity.ResidentIdNumbers;

class DocumentKeysTest {

  @Test
  void findsTheFirstLineOfARepeatedDocumentAmongManyOthers() {
    var keys = new DocumentKeys();
    LocalDate day = LocalDate.of(1980, 1, 1);
    for (int i = 0; i < 200_000; i++) {
      var id =
          IdentityDocument.of(
              DocumentType.RESIDENT_ID,
              ResidentIdNumbers.generate(
                  "3101" + "%02d".formatted(i % 20), day.plusDays(i / 1000), i % 1000));
      assertThat(keys.firstLine(id, i + 2)).isZero();
    }
    var again =
        IdentityDocument.of(DocumentType.RESIDENT_ID, ResidentIdNumbers.generate("310107", day, 7));
    assertThat(keys.firstLine(again, 999_999)).isEqualTo(9);
  }

  @Test
  void tellsTypesApartForTheSameNumber() {
    var keys = new DocumentKeys();
    String number = ResidentIdNumbers.generate("810000", LocalDate.of(1980, 1, 1), 1);
    assertThat(keys.firstLine(IdentityDocument.of(DocumentType.RESIDENT_ID, number), 2)).isZero();
    assertThat(keys.firstLine(IdentityDocument.of(DocumentType.HMT_RESIDENCE_PERMIT, number), 3))
        .isZero();
    assertThat(keys.firstLine(IdentityDocument.of(DocumentType.HMT_RESIDENCE_PERMIT, number), 4))
        .isEqualTo(3);
  }

  @Test
  void remembersOtherDocuments() {
    var keys = new DocumentKeys();
    var passport = IdentityDocument.of(DocumentType.FOREIGN_PASSPORT, "E1234567");
    var permit = IdentityDocument.of(DocumentType.HK_MACAO_TRAVEL_PERMIT, "H12345678");
    assertThat(keys.firstLine(passport, 2)).isZero();
    assertThat(keys.firstLine(permit, 3)).isZero();
    assertThat(keys.firstLine(IdentityDocument.of(DocumentType.FOREIGN_PASSPORT, "e1234567"), 4))
        .isEqualTo(2);
  }
}
