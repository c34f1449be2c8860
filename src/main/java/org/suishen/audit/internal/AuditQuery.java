package org.suishen.audit.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.suishen.shared.problem.SuishenException;

/**
 * What an auditor looks for. Every filter is optional; results come newest first, a page at a time.
 *
 * @param subject the person's id
 * @param actor exactly, e.g. {@code staff:wang.li}
 * @param action exactly ({@code identity.person.read}) or, ending in {@code *}, by prefix ({@code
 *     identity.*})
 * @param from inclusive
 * @param to exclusive
 * @param before keyset cursor: only entries with a smaller id (the {@code next} of the previous
 *     page)
 */
public record AuditQuery(
    @Nullable UUID subject,
    @Nullable String actor,
    @Nullable String action,
    @Nullable Instant from,
    @Nullable Instant to,
    @Nullable Long before) {

  private static final Pattern ACTION = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}\\*?|\\*");
  private static final int MAX_ACTOR = 200;

  /** Whether any filter (other than the page) is set. */
  public boolean filtered() {
    return subject != null || actor != null || action != null || from != null || to != null;
  }

  /** The action filter as a SQL LIKE prefix pattern, if it is one. */
  @Nullable String actionPrefixPattern() {
    if (action == null || !action.endsWith("*")) {
      return null;
    }
    String prefix = action.substring(0, action.length() - 1);
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  /**
   * Reads the request parameters; blank means "not given". Times are ISO-8601: with offset ({@code
   * 2026-05-01T08:00:00+08:00}), local to the city ({@code 2026-05-01T08:00}) or a date (the whole
   * day: {@code from} at its start, {@code to} at the end).
   */
  public static AuditQuery parse(
      @Nullable String subject,
      @Nullable String actor,
      @Nullable String action,
      @Nullable String from,
      @Nullable String to,
      @Nullable String page,
      ZoneId zone) {
    UUID subjectId = null;
    if (present(subject)) {
      try {
        subjectId = UUID.fromString(subject.strip());
      } catch (IllegalArgumentException e) {
        throw SuishenException.badInput("audit.search.subject-invalid");
      }
    }
    String actorFilter = null;
    if (present(actor)) {
      actorFilter = actor.strip();
      if (actorFilter.length() > MAX_ACTOR) {
        throw SuishenException.badInput("audit.search.actor-invalid");
      }
    }
    String actionFilter = null;
    if (present(action)) {
      actionFilter = action.strip().toLowerCase(Locale.ROOT);
      if (!ACTION.matcher(actionFilter).matches()) {
        throw SuishenException.badInput("audit.search.action-invalid");
      }
      if (actionFilter.equals("*")) {
        actionFilter = null;
      }
    }
    Instant fromTime = present(from) ? time(from.strip(), zone, false) : null;
    Instant toTime = present(to) ? time(to.strip(), zone, true) : null;
    if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
      throw SuishenException.badInput("audit.search.range-invalid");
    }
    Long before = null;
    if (present(page)) {
      try {
        before = Long.parseLong(page.strip());
      } catch (NumberFormatException e) {
        throw SuishenException.badInput("audit.search.page-invalid");
      }
      if (before <= 0) {
        throw SuishenException.badInput("audit.search.page-invalid");
      }
    }
    return new AuditQuery(subjectId, actorFilter, actionFilter, fromTime, toTime, before);
  }

  private static Instant time(String value, ZoneId zone, boolean end) {
    try {
      if (value.length() == 10) {
        LocalDate date = LocalDate.parse(value);
        return (end ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
      }
      if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return OffsetDateTime.parse(value).toInstant();
      }
      return LocalDateTime.parse(value).atZone(zone).toInstant();
    } catch (DateTimeException e) {
      throw SuishenException.badInput("audit.search.time-invalid");
    }
  }

  private static boolean present(@Nullable String value) {
    return value != null && !value.isBlank();
  }
}
