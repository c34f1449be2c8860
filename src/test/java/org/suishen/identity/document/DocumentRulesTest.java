package org.suishen.identity.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.suishen.identity.DocumentType;
import org.suishen.identity.IdentityDocument;
import org.suishen.identity.ResidentIdNumbers;
import org.suishen.identity.Sex;
import org.suishen.shared.problem.SuishenException;

class DocumentRulesTest {

  static String canonical(DocumentType type, String number) {
    return IdentityDocument.of(type, number).number();
  }

  static void refused(DocumentType type, String number, String code) {
    assertThatThrownBy(() -> IdentityDocument.of(type, number))
        .isInstanceOfSatisfying(SuishenException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  @Nested
  class ResidentId {

    @Test
    void acceptsTheStandardsExampleWithItsXCheckCharacter() {
      assertThat(canonical(DocumentType.RESIDENT_ID, "11010519491231002X"))
          .isEqualTo("11010519491231002X");
    }

    @Test
    void acceptsALowerCaseXAndCanonicalisesItToUpperCase() {
      assertThat(canonical(DocumentType.RESIDENT_ID, "11010519491231002x"))
          .isEqualTo("11010519491231002X");
    }

    @Test
    void acceptsFullWidthDigitsAndSpacesAsTypedOnAPhone() {
      assertThat(canonical(DocumentType.RESIDENT_ID, " １１０１０５ 19491231 002ｘ "))
          .isEqualTo("11010519491231002X");
    }

    @Test
    void refusesAWrongCheckCharacter() {
      refused(DocumentType.RESIDENT_ID, "110105194912310021", DocumentErrors.CHECK_DIGIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1101051949123100", "1101051949123100211", "11010519491231002Y"})
    void refusesWrongLengthsAndCharacters(String number) {
      refused(DocumentType.RESIDENT_ID, number, DocumentErrors.FORMAT);
    }

    @ParameterizedTest
    @CsvSource({"2000-02-29", "2004-02-29", "1904-02-29"})
    void accepts29FebruaryInLeapYears(LocalDate birth) {
      String number = ResidentIdNumbers.generate("310104", birth, 11);
      assertThat(IdentityDocument.of(DocumentType.RESIDENT_ID, number).embeddedBirthDate())
          .contains(birth);
    }

    @ParameterizedTest
    @ValueSource(strings = {"19000229", "20230229", "21000229", "19901301", "19900431", "19900100"})
    void refusesDatesThatAreNotOnTheCalendar(String yyyymmdd) {
      refused(
          DocumentType.RESIDENT_ID,
          withCheck("310104" + yyyymmdd + "011"),
          DocumentErrors.BIRTH_DATE);
    }

    @Test
    void refusesBirthYearsBefore1900AndAfter2100() {
      refused(DocumentType.RESIDENT_ID, "440524188001010014", DocumentErrors.BIRTH_DATE);
      refused(DocumentType.RESIDENT_ID, withCheck("31010421010101001"), DocumentErrors.BIRTH_DATE);
    }

    @Test
    void refusesABirthDateAfterTheGivenToday() {
      String number = ResidentIdNumbers.generate("310104", LocalDate.of(2022, 6, 2), 11);
      LocalDate today = LocalDate.of(2022, 6, 1);
      assertThat(IdentityDocument.of(DocumentType.RESIDENT_ID, number).number()).isEqualTo(number);
      assertThatThrownBy(() -> IdentityDocument.of(DocumentType.RESIDENT_ID, number, today))
          .isInstanceOfSatisfying(
              SuishenException.class,
              e -> assertThat(e.code()).isEqualTo(DocumentErrors.BIRTH_DATE));
      assertThat(IdentityDocument.of(DocumentType.RESIDENT_ID, number, today.plusDays(1)).number())
          .isEqualTo(number);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "000000", "100000", "160000", "240000", "380000", "470000", "550000", "600000", "660000",
          "700000", "720000", "800000", "840000", "900000", "990000"
        })
    void refusesRegionsThatAreNotProvinces(String region) {
      refused(DocumentType.RESIDENT_ID, withCheck(region + "19900101011"), DocumentErrors.REGION);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "110000", "150000", "210000", "230000", "310000", "370000", "410000", "460000", "500000",
          "540000", "610000", "650000", "710000", "810000", "820000", "830000"
        })
    void acceptsEveryProvince(String region) {
      String number = withCheck(region + "19900101011");
      assertThat(canonical(DocumentType.RESIDENT_ID, number)).isEqualTo(number);
    }

    @Test
    void readsTheSexFromTheSeventeenthDigit() {
      var man =
          IdentityDocument.of(
              DocumentType.RESIDENT_ID,
              ResidentIdNumbers.generate("310104", LocalDate.of(1990, 1, 1), 7, Sex.MALE));
      var woman =
          IdentityDocument.of(
              DocumentType.RESIDENT_ID,
              ResidentIdNumbers.generate("310104", LocalDate.of(1990, 1, 1), 7, Sex.FEMALE));
      assertThat(man.embeddedSex()).contains(Sex.MALE);
      assertThat(woman.embeddedSex()).contains(Sex.FEMALE);
    }
  }

  @Nested
  class HkMacaoTravelPermit {

    @ParameterizedTest
    @CsvSource({
      "H12345678,H12345678",
      "m12345678,M12345678",
      "H1234567890,H1234567890",
      "' M 1234 5678 ',M12345678"
    })
    void acceptsHOrMWithEightOrTenDigits(String number, String canonical) {
      assertThat(canonical(DocumentType.HK_MACAO_TRAVEL_PERMIT, number)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "C12345678",
          "H1234567",
          "H123456789",
          "H123456789012",
          "12345678",
          "HH2345678",
          "H1234567A"
        })
    void refusesOtherShapes(String number) {
      refused(DocumentType.HK_MACAO_TRAVEL_PERMIT, number, DocumentErrors.FORMAT);
    }
  }

  @Nested
  class TaiwanTravelPermit {

    @ParameterizedTest
    @CsvSource({
      "12345678,12345678",
      "1234567801,1234567801",
      "12345678(01),1234567801",
      "a123456789,A123456789"
    })
    void acceptsEightDigitsOrTenCharacters(String number, String canonical) {
      assertThat(canonical(DocumentType.TAIWAN_TRAVEL_PERMIT, number)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567", "123456789", "12345678901", "AB12345678", "1234567A"})
    void refusesOtherShapes(String number) {
      refused(DocumentType.TAIWAN_TRAVEL_PERMIT, number, DocumentErrors.FORMAT);
    }
  }

  @Nested
  class HmtResidencePermit {

    @ParameterizedTest
    @ValueSource(strings = {"810000", "820000", "830000"})
    void acceptsTheThreePrefixes(String prefix) {
      String number = ResidentIdNumbers.hmtResidencePermit(prefix, LocalDate.of(1985, 5, 5), 21);
      assertThat(canonical(DocumentType.HMT_RESIDENCE_PERMIT, number)).isEqualTo(number);
      assertThat(IdentityDocument.of(DocumentType.HMT_RESIDENCE_PERMIT, number).embeddedBirthDate())
          .contains(LocalDate.of(1985, 5, 5));
    }

    @Test
    void refusesAnotherRegion() {
      refused(
          DocumentType.HMT_RESIDENCE_PERMIT, withCheck("81000119850505021"), DocumentErrors.REGION);
      refused(
          DocumentType.HMT_RESIDENCE_PERMIT, withCheck("31010419850505021"), DocumentErrors.REGION);
    }

    @Test
    void refusesAWrongCheckCharacterOrLength() {
      String number = ResidentIdNumbers.hmtResidencePermit("810000", LocalDate.of(1985, 5, 5), 21);
      refused(
          DocumentType.HMT_RESIDENCE_PERMIT,
          number.substring(0, 17) + otherCheck(number),
          DocumentErrors.CHECK_DIGIT);
      refused(DocumentType.HMT_RESIDENCE_PERMIT, number.substring(0, 17), DocumentErrors.FORMAT);
    }
  }

  @Nested
  class ForeignPassport {

    @ParameterizedTest
    @CsvSource({
      "e12345678,E12345678",
      "12345,12345",
      "ABCDEFGHIJ1234567,ABCDEFGHIJ1234567",
      "' x 123 45 ',X12345"
    })
    void acceptsFiveToSeventeenLettersAndDigitsInUpperCase(String number, String canonical) {
      assertThat(canonical(DocumentType.FOREIGN_PASSPORT, number)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234", "ABCDEFGHIJ12345678", "AB-12345", "AB/12345", "ÄB12345"})
    void refusesOtherShapes(String number) {
      refused(DocumentType.FOREIGN_PASSPORT, number, DocumentErrors.FORMAT);
    }
  }

  @Nested
  class PermanentResidenceCard {

    @Test
    void acceptsTheOldFormatThreeLettersAndTwelveDigits() {
      assertThat(canonical(DocumentType.FOREIGN_PERMANENT_RESIDENCE_CARD, "usa310012345678"))
          .isEqualTo("USA310012345678");
    }

    @Test
    void acceptsThe2023FormatWithItsCheckCharacterAndBirthDate() {
      String number =
          ResidentIdNumbers.permanentResidenceCard(31, 840, LocalDate.of(1970, 12, 31), 5);
      assertThat(number).startsWith("931840").hasSize(18);
      var card = IdentityDocument.of(DocumentType.FOREIGN_PERMANENT_RESIDENCE_CARD, number);
      assertThat(card.number()).isEqualTo(number);
      assertThat(card.embeddedBirthDate()).contains(LocalDate.of(1970, 12, 31));
    }

    @Test
    void refusesA2023CardWithAWrongCheckCharacter() {
      String number =
          ResidentIdNumbers.permanentResidenceCard(31, 840, LocalDate.of(1970, 12, 31), 5);
      refused(
          DocumentType.FOREIGN_PERMANENT_RESIDENCE_CARD,
          number.substring(0, 17) + otherCheck(number),
          DocumentErrors.CHECK_DIGIT);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "US310012345678",
          "USA31001234567",
          "1SA310012345678",
          "831840197012310051",
          "93184019701231005",
          "9318401970123100511"
        })
    void refusesOtherShapes(String number) {
      refused(DocumentType.FOREIGN_PERMANENT_RESIDENCE_CARD, number, DocumentErrors.FORMAT);
    }
  }

  @Nested
  class Types {

    @ParameterizedTest
    @CsvSource({
      "RESIDENT_ID,RESIDENT_ID",
      "' foreign_passport ',FOREIGN_PASSPORT",
      "Hmt_Residence_Permit,HMT_RESIDENCE_PERMIT"
    })
    void parsesEnumNamesIgnoringCaseAndSpaces(String name, DocumentType type) {
      assertThat(DocumentType.parse(name)).isEqualTo(type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ID_CARD", "身份证", "RESIDENT-ID"})
    void refusesUnknownTypesWithAStableCode(String name) {
      assertThatThrownBy(() -> DocumentType.parse(name))
          .isInstanceOfSatisfying(
              SuishenException.class,
              e -> assertThat(e.code()).isEqualTo("identity.document.unknown-type"));
    }
  }

  static String withCheck(String first17) {
    return first17 + Gb11643.checkCharacter(first17);
  }

  static char otherCheck(String number) {
    return number.charAt(17) == '0' ? '1' : '0';
  }
}
