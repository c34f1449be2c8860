package org.suishen.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.suishen.identity.DocumentType;
import org.suishen.identity.ResidentIdNumbers;
import org.suishen.identity.Sex;

class RegisterRowRulesTest {

  private static final LocalDate TODAY = LocalDate.of(2022, 6, 1);
  private static final LocalDate BORN = LocalDate.of(1990, 3, 15);
  private static final String ID = ResidentIdNumbers.generate("310104", BORN, 3, Sex.MALE);

  private final RegisterRowRules rules = new RegisterRowRules(TODAY, 20);

  private static String[] row(String... overrides) {
    String[] f = {
      "RESIDENT_ID", ID, "阿依古丽 • 买买提", "M", "1990-03-15", "H1", "徐汇区", "p/1.jpg", "false"
    };
    for (int i = 0; i + 1 < overrides.length; i += 2) {
      f[Integer.parseInt(overrides[i])] = overrides[i + 1];
    }
    return f;
  }

  private void refused(String[] row, String reason, String detail) {
    assertThatThrownBy(() -> rules.check(row))
        .isInstanceOfSatisfying(
            RowRefused.class,
            r -> {
              assertThat(r.reason()).isEqualTo(reason);
              assertThat(r.detail()).isEqualTo(detail);
            });
  }

  @Test
  void acceptsAGoodRowAndNormalisesTheName() throws RowRefused {
    RegisterRow r = rules.check(row());
    assertThat(r.document().type()).isEqualTo(DocumentType.RESIDENT_ID);
    assertThat(r.name()).isEqualTo("阿依古丽 • 买买提");
    assertThat(r.nameNormalised()).isEqualTo("阿依古丽·买买提");
    assertThat(r.sex()).isEqualTo(Sex.MALE);
    assertThat(r.birthDate()).isEqualTo(BORN);
    assertThat(r.photoFile()).isEqualTo("p/1.jpg");
    assertThat(r.disabilityCertificate()).isFalse();
  }

  @Test
  void leavesEmptyOptionalColumnsEmpty() throws RowRefused {
    RegisterRow r = rules.check(row("5", "", "6", "", "7", "", "8", "TRUE"));
    assertThat(r.householdId()).isNull();
    assertThat(r.district()).isNull();
    assertThat(r.photoFile()).isNull();
    assertThat(r.disabilityCertificate()).isTrue();
  }

  @Test
  void refusesEachBadColumnWithItsReason() {
    refused(row("0", "ID_CARD"), "identity.document.unknown-type", "document_type");
    refused(
        row("1", ID.substring(0, 17) + (ID.charAt(17) == '1' ? '2' : '1')),
        "identity.document.check-digit",
        "document_number");
    refused(row("2", " "), "identity.import.name", "name");
    refused(row("2", "x".repeat(21)), "identity.import.name", "name");
    refused(row("2", "王\u0007明"), "identity.import.name", "name");
    refused(row("3", "X"), "identity.import.sex", "sex");
    refused(row("4", "15/03/1990"), "identity.import.birth-date", "birth_date");
    refused(row("4", "1990-02-30"), "identity.import.birth-date", "birth_date");
    refused(row("4", "1990-03-16"), "identity.import.birth-date-mismatch", "birth_date");
    refused(row("3", "F"), "identity.import.sex-mismatch", "sex");
    refused(row("5", "h".repeat(65)), "identity.import.field", "household_id");
    refused(row("7", "../etc/passwd"), "identity.import.field", "photo_file");
    refused(row("7", "/abs.jpg"), "identity.import.field", "photo_file");
    refused(row("8", "yes"), "identity.import.disability", "disability_certificate");
  }

  @Test
  void refusesResidentIdsBornAfterToday() {
    String tomorrow = ResidentIdNumbers.generate("310104", TODAY.plusDays(1), 3, Sex.MALE);
    refused(
        row("1", tomorrow, "4", TODAY.plusDays(1).toString()),
        "identity.document.birth-date",
        "document_number");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1899-12-31", "2022-06-02", "2023-02-29"})
  void refusesBirthDatesOutsideTheRegistersRange(String date) {
    assertThatThrownBy(() -> rules.birthDate(date)).isInstanceOf(RowRefused.class);
  }

  @Test
  void accepts29FebruaryOfALeapYearAndToday() throws RowRefused {
    assertThat(rules.birthDate("2020-02-29")).isEqualTo(LocalDate.of(2020, 2, 29));
    assertThat(rules.birthDate("2022-06-01")).isEqualTo(TODAY);
    assertThat(rules.birthDate("1900-01-01")).isEqualTo(LocalDate.of(1900, 1, 1));
  }

  @Test
  void acceptsPassportsWithoutAnEmbeddedBirthDate() throws RowRefused {
    RegisterRow r = rules.check(row("0", "FOREIGN_PASSPORT", "1", "e1234567", "2", "John SMITH"));
    assertThat(r.document().number()).isEqualTo("E1234567");
    assertThat(r.nameNormalised()).isEqualTo("john smith");
  }
}
