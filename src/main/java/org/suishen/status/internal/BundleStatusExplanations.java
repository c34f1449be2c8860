package org.suishen.status.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.suishen.status.Colour;
import org.suishen.status.HealthStatus;
import org.suishen.status.StatusExplanation;
import org.suishen.status.StatusExplanations;

/**
 * The explanations from the message bundle: the reason's text, the period in the city's time, and
 * for yellow and red the next step of the reason ({@code status.next.<reason>}, else {@code
 * status.next.<rule>}, else {@code status.next.default}: the hotline and the appeal).
 */
@Component
class BundleStatusExplanations implements StatusExplanations {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final MessageSource messages;
  private final ZoneId zone;

  BundleStatusExplanations(MessageSource messages, Clock clock) {
    this.messages = messages;
    this.zone = clock.getZone();
  }

  @Override
  public StatusExplanation explain(HealthStatus status, Locale locale) {
    String reason = text("status.reason." + status.reason(), locale);
    if (status.colour() == Colour.GREEN) {
      return new StatusExplanation(reason, null, null);
    }
    return new StatusExplanation(
        reason, period(status.since(), status.until(), locale), nextStep(status, locale));
  }

  private @Nullable String period(@Nullable Instant since, @Nullable Instant until, Locale locale) {
    if (since == null && until == null) {
      return null;
    }
    if (until == null) {
      return messages.getMessage("status.period.since", new Object[] {time(since)}, locale);
    }
    if (since == null) {
      return messages.getMessage("status.period.until", new Object[] {time(until)}, locale);
    }
    return messages.getMessage(
        "status.period.since-until", new Object[] {time(since), time(until)}, locale);
  }

  private String nextStep(HealthStatus status, Locale locale) {
    for (String key :
        new String[] {"status.next." + status.reason(), "status.next." + status.rule()}) {
      String text = messages.getMessage(key, null, null, locale);
      if (text != null) {
        return text;
      }
    }
    return text("status.next.default", locale);
  }

  private String time(@Nullable Instant instant) {
    return instant == null ? "" : TIME.format(instant.atZone(zone));
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
