package org.suishen.dependants.web;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Times on pages, in the city's time zone. */
@Component
class PageTimes {

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Clock clock;

  PageTimes(Clock clock) {
    this.clock = clock;
  }

  /** The day, {@code yyyy-MM-dd}. */
  String date(@Nullable Instant instant) {
    return instant == null
        ? ""
        : DateTimeFormatter.ISO_LOCAL_DATE.format(instant.atZone(clock.getZone()));
  }

  String format(@Nullable Instant instant) {
    return instant == null ? "" : MINUTES.format(instant.atZone(clock.getZone()));
  }
}
