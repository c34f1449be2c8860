package org.suishen.healthcode.internal.code;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.suishen.healthcode.internal.code.JdbcCodeSubjects.Subject;

/**
 * The watermark a code page lays over the code (MISSION X1): the trace of the reference of the
 * person whose screen shows it (the holder, for a proxy code) and the time of issue in the city's
 * time zone. A screenshot passed around thus says whose phone it came from and when, to an auditor
 * who looks the trace up, and to nobody else.
 */
@Component
public class Watermarks {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final JdbcCodeSubjects subjects;
  private final Clock clock;

  Watermarks(JdbcCodeSubjects subjects, Clock clock) {
    this.subjects = subjects;
    this.clock = clock;
  }

  /** The watermark text for a code naming this reference, issued at {@code at}. */
  public String text(UUID reference, Instant at) {
    return WatermarkTrace.of(reference) + " · " + TIME.format(at.atZone(clock.getZone()));
  }

  /** The references a typed trace stands for (normally one), or null if the text is not a trace. */
  public @org.jspecify.annotations.Nullable List<Traced> trace(String typed) {
    var bits = WatermarkTrace.parse(typed);
    if (bits.isEmpty()) {
      return null;
    }
    return subjects
        .between(WatermarkTrace.lowest(bits.getAsLong()), WatermarkTrace.highest(bits.getAsLong()))
        .stream()
        .map(r -> new Traced(r.subject(), r.createdAt()))
        .toList();
  }

  /** A reference found by its trace: whose it is, since when, and whether it was withdrawn. */
  public record Traced(Subject subject, Instant referenceCreatedAt) {}
}
