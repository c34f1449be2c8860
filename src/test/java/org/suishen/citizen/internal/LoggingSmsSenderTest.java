package org.suishen.citizen.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LoggingSmsSenderTest {

  private final Clock clock = Clock.fixed(Instant.parse("2022-04-01T02:00:00Z"), ZoneId.of("UTC"));

  @Test
  void putsTheMessageInTheDeveloperOutboxWithTheNumberMasked() {
    var outbox = new DevSmsOutbox(10);
    new LoggingSmsSender(outbox, clock).send("13812345678", "code 123456");
    assertThat(outbox.messages())
        .containsExactly(new DevSmsOutbox.Message(clock.instant(), "138****5678", "code 123456"));
  }

  @Test
  void theOutboxKeepsOnlyTheNewestMessagesNewestFirst() {
    var outbox = new DevSmsOutbox(2);
    var sender = new LoggingSmsSender(outbox, clock);
    sender.send("13800000001", "one");
    sender.send("13800000002", "two");
    sender.send("13800000003", "three");
    assertThat(outbox.messages())
        .extracting(DevSmsOutbox.Message::text)
        .containsExactly("three", "two");
  }
}
