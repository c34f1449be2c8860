package org.suishen.datatracker.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.suishen.shared.problem.SuishenException;

/** The {@code before} of a page: an ISO date, or none for the newest page. */
final class DataReadsDay {

  private DataReadsDay() {}

  static @Nullable LocalDate parse(@Nullable String before) {
    if (before == null || before.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(before.strip());
    } catch (DateTimeParseException e) {
      throw SuishenException.badInput("datatracker.before-invalid");
    }
  }
}
