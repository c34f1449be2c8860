package org.suishen.appeals.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.springframework.http.HttpStatus;
import org.suishen.shared.problem.SuishenException;

final class Refusals {

  private Refusals() {}

  static void refused(ThrowingCallable action, String code, HttpStatus status) {
    assertThatThrownBy(action)
        .isInstanceOfSatisfying(
            SuishenException.class,
            e -> {
              org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(code);
              org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(status);
            });
  }

  static void badInput(ThrowingCallable action, String code) {
    refused(action, code, HttpStatus.BAD_REQUEST);
  }

  static void conflict(ThrowingCallable action, String code) {
    refused(action, code, HttpStatus.CONFLICT);
  }
}
