package org.suishen.status.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The status engine's figures (MISSION X3), under {@code suishen.status}. Defaults are in {@code
 * application.yaml} and repeated here.
 */
@ConfigurationProperties("suishen.status")
public record StatusProperties(
    @DefaultValue KeyRegionArrival keyRegionArrival,
    @DefaultValue NoRecentTest noRecentTest,
    @DefaultValue Symptoms symptoms,
    @DefaultValue PendingRetest pendingRetest,
    @DefaultValue Sweep sweep,
    @DefaultValue Feed feed,
    @DefaultValue Manual manual,
    @DefaultValue Cache cache,
    @DefaultValue Retention retention) {

  /**
   * How long the rows that only accumulate are kept (status.internal.StatusRetention, nightly): the
   * history of a person's colour changes, and the notices already delivered to them. The current
   * status itself is never purged.
   *
   * @param history a change is kept this long after it was recorded (180 days, as the scans)
   * @param notices a delivered notice is kept this long after it was made (180 days)
   */
  public record Retention(
      @DefaultValue("180d") Duration history, @DefaultValue("180d") Duration notices) {
    public Retention {
      if (history.toDays() < 1 || notices.toDays() < 1) {
        throw new IllegalArgumentException(
            "suishen.status.retention.history and .notices must be at least a day");
      }
    }
  }

  /**
   * The status rows kept on each node for the code display (status.internal.cache): dropped at the
   * commit of any change (PostgreSQL NOTIFY), and at the latest after {@code maxAge}.
   *
   * @param enabled off: every display reads its row
   * @param maxEntries people kept (about 300 bytes each)
   * @param maxAge the longest a row is kept even without a change (a safety net, not the means)
   */
  public record Cache(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("500000") long maxEntries,
      @DefaultValue("10m") java.time.Duration maxAge) {}

  /** Yellow for {@code observationDays} calendar days from the day of arrival (14). */
  public record KeyRegionArrival(@DefaultValue("14") int observationDays) {
    public KeyRegionArrival {
      if (observationDays < 1 || observationDays > 366) {
        throw new IllegalArgumentException(
            "suishen.status.key-region-arrival.observation-days must be 1..366");
      }
    }
  }

  /** Yellow when no test sample in {@code days} (3) days; off unless {@code enabled}. */
  public record NoRecentTest(@DefaultValue("false") boolean enabled, @DefaultValue("3") int days) {
    public NoRecentTest {
      if (days < 1 || days > 366) {
        throw new IllegalArgumentException("suishen.status.no-recent-test.days must be 1..366");
      }
    }
  }

  /**
   * Yellow while the latest declaration reports a symptom or a fever; off unless {@code enabled}
   * (the seeds define yellow by key-region arrival only).
   */
  public record Symptoms(@DefaultValue("false") boolean enabled) {}

  /**
   * The colour of a person whose pooled tube was positive until a result of a later sample comes
   * (yellow); green turns the rule off.
   */
  public record PendingRetest(@DefaultValue("YELLOW") org.suishen.status.Colour colour) {}

  /**
   * The periodic sweep that persists time-based changes (a yellow code's days running out) and
   * catches up on people left due by an interrupted feed.
   *
   * @param interval pause between sweeps (1 minute)
   * @param batchSize people evaluated and written per transaction (5000)
   * @param catchUpAfter people a feed or change marked due are left to its own evaluation for this
   *     long; after that the sweep takes them over (the run was interrupted) (5 minutes)
   */
  public record Sweep(
      @DefaultValue("PT1M") Duration interval,
      @DefaultValue("5000") int batchSize,
      @DefaultValue("PT5M") Duration catchUpAfter) {
    public Sweep {
      if (batchSize < 1) {
        throw new IllegalArgumentException("suishen.status.sweep.batch-size must be positive");
      }
    }
  }

  /**
   * Authority feeds.
   *
   * @param maxRows rows accepted in one feed (1 000 000); larger files are refused whole
   * @param reportedRejections rejected rows listed in a report (all are stored) (1000)
   */
  public record Feed(
      @DefaultValue("1000000") int maxRows, @DefaultValue("1000") int reportedRejections) {}

  /**
   * Manual colour changes.
   *
   * @param reasonCodes the legal bases an officer may cite (each has a text {@code
   *     status.manual.reason.<code>} in the message bundle)
   * @param evidenceMinLength the shortest acceptable evidence text (10 characters)
   */
  public record Manual(
      @DefaultValue({
            "data-correction",
            "close-contact",
            "order-pending",
            "released-early",
            "identity-mix-up"
          })
          List<String> reasonCodes,
      @DefaultValue("10") int evidenceMinLength) {
    public Manual {
      reasonCodes = List.copyOf(reasonCodes);
    }
  }
}
