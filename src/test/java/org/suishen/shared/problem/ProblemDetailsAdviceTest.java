package org.suishen.shared.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** The problem body: RFC 9457 members, the code, both languages in camelCase, the violations. */
class ProblemDetailsAdviceTest {

  private final ProblemDetailsAdvice advice;

  ProblemDetailsAdviceTest() {
    var messages = new StaticMessageSource();
    messages.addMessage("error.request.invalid", Locale.SIMPLIFIED_CHINESE, "请求内容不完整或格式不正确。");
    messages.addMessage("error.request.invalid", Locale.ENGLISH, "The request is incomplete.");
    advice = new ProblemDetailsAdvice(new ErrorMessages(messages));
  }

  @Test
  void aValidationProblemCarriesBothMessagesAndTheFieldsOnly() {
    var refusal =
        Refused.of(HttpStatus.BAD_REQUEST, "request.invalid")
            .withViolations(List.of(new Refused.Violation("phone", "not-blank")));
    var response = advice.problem(refusal, Locale.ENGLISH);

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    var body = response.getBody();
    assertThat(body.getType().toString()).isEqualTo("https://suishen.org/problems/request.invalid");
    assertThat(body.getDetail()).isEqualTo("The request is incomplete.");
    assertThat(body.getProperties())
        .containsEntry("code", "request.invalid")
        .containsEntry("messageZh", "请求内容不完整或格式不正确。")
        .containsEntry("messageEn", "The request is incomplete.")
        .containsEntry(
            "violations", List.of(java.util.Map.of("field", "phone", "code", "not-blank")))
        .doesNotContainKeys("message_zh", "message_en");
  }

  @Test
  void theRefusalsHeadersGoOnTheAnswer() {
    var headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, "5");
    var response =
        advice.problem(
            Refused.of(HttpStatus.SERVICE_UNAVAILABLE, "server.busy").withHeaders(headers),
            Locale.ENGLISH);
    assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
    assertThat(response.getBody().getProperties()).doesNotContainKey("violations");
  }
}
