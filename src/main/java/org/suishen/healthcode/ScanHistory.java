package org.suishen.healthcode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The scan log read by the people it is about (the data tracker): scans of their codes at doors and
 * desks, one row per day, scanner, place and purpose, so a daily commute reads as one line.
 */
public interface ScanHistory {

  /**
   * Scans of these people's codes in {@code [from, to)}, grouped per day (in {@code zone}), person,
   * scanner, place, purpose and kind of code; the groups with the latest scan first, at most {@code
   * limit}.
   */
  List<ScanDay> days(Collection<UUID> personIds, Instant from, Instant to, ZoneId zone, int limit);

  /**
   * The scans of one person's code by one scanner at one place on one day.
   *
   * @param scanner as the audit trail names actors: {@code device:gate-xh-007}, {@code staff:...}
   */
  record ScanDay(
      LocalDate day,
      UUID personId,
      String scanner,
      @Nullable String location,
      @Nullable String purpose,
      @Nullable String codeType,
      long scans,
      Instant first,
      Instant last) {}
}
