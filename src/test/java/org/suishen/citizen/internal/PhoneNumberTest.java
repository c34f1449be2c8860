package org.suishen.citizen.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.suishen.shared.problem.SuishenException;

class PhoneNumberTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "13812345678",
        " 13812345678 ",
        "138 1234 5678",
        "138-1234-5678",
        "+8613812345678",
        "008613812345678",
        "19912345678"
      })
  void acceptsMainlandMobileNumbersAsPeopleTypeThem(String input) {
    assertThat(PhoneNumber.parse(input).value()).matches("^1[3-9]\\d{9}$");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "1381234567",
        "138123456789",
        "12812345678",
        "23812345678",
        "1381234567a",
        "+85291234567"
      })
  void refusesAnythingElseWithThePhoneFormatCode(String input) {
    assertThatThrownBy(() -> PhoneNumber.parse(input))
        .isInstanceOfSatisfying(
            SuishenException.class, e -> assertThat(e.code()).isEqualTo("citizen.phone.format"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"13812345678"})
  void showsOnlyAMaskedNumber(String input) {
    var phone = PhoneNumber.parse(input);
    assertThat(phone.masked()).isEqualTo("138****5678");
    assertThat(phone.toString()).isEqualTo("138****5678");
  }
}
