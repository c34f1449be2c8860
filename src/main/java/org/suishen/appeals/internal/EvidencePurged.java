package org.suishen.appeals.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.suishen.shared.problem.SuishenException;

/** The refusal to serve a file deleted under the retention rule: 410 with the day of deletion. */
final class EvidencePurged {

  static final String CODE = "appeals.evidence.purged";

  private EvidencePurged() {}

  static SuishenException of(Instant purgedAt, ZoneId zone) {
    return SuishenException.gone(
        CODE, DateTimeFormatter.ISO_LOCAL_DATE.format(purgedAt.atZone(zone)));
  }
}
