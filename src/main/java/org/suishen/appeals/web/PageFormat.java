package org.suishen.appeals.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Times and waiting times as the appeals pages show them, in the city's time zone. */
@Component
class PageFormat {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Clock clock;
  private final MessageSource messages;

  PageFormat(Clock clock, MessageSource messages) {
    this.clock = clock;
    this.messages = messages;
  }

  String time(@Nullable Instant instant) {
    return instant == null ? "" : TIME.format(instant.atZone(clock.getZone()));
  }

  /** The day, {@code yyyy-MM-dd}, in the city's time zone. */
  String date(@Nullable Instant instant) {
    return instant == null
        ? ""
        : DateTimeFormatter.ISO_LOCAL_DATE.format(instant.atZone(clock.getZone()));
  }

  /** For a {@code datetime-local} input: {@code 2024-05-01T09:30}. */
  String inputTime(Instant instant) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
        .format(instant.atZone(clock.getZone()));
  }

  /** "2 天 3 小时", "5 小时 10 分钟", "12 分钟" (English: "2 d 3 h", ...). */
  String waiting(long seconds, Locale locale) {
    var d = Duration.ofSeconds(Math.max(0, seconds));
    if (d.toDays() > 0) {
      return messages.getMessage(
          "appeals.waiting.days", new Object[] {d.toDays(), d.toHoursPart()}, locale);
    }
    if (d.toHours() > 0) {
      return messages.getMessage(
          "appeals.waiting.hours", new Object[] {d.toHours(), d.toMinutesPart()}, locale);
    }
    return messages.getMessage("appeals.waiting.minutes", new Object[] {d.toMinutes()}, locale);
  }

  Instant now() {
    return Instant.now(clock);
  }

  java.time.ZoneId zone() {
    return clock.getZone();
  }
}
