package org.suishen.dependants.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The figures of the dependants' rules (MISSION X3), under {@code suishen.dependants.*}.
 *
 * @param minorAgeLimit a person is a minor before this birthday (18)
 * @param elderlyAge a person is elderly from this birthday on, the birthday included (60)
 * @param limit how many dependants (pending or approved) one holder may have at a time (10)
 * @param evidenceMaxSize the largest household-register page a holder may upload (5 MB)
 * @param reviewPageSize how many pending applications the review queue shows at once (50)
 * @param rejectionsShownFor how long a rejected application stays on the holder's list, with the
 *     reviewer's reason (30 days)
 * @param bindingAttempts the limit on failed binding attempts per holder
 * @param comingOfAge the daily job that ends minor bindings of dependants who came of age
 * @param evidenceRetention how long uploaded household-register pages are kept, and the daily job
 *     that deletes them
 */
@ConfigurationProperties("suishen.dependants")
public record DependantsProperties(
    @DefaultValue("18") int minorAgeLimit,
    @DefaultValue("60") int elderlyAge,
    @DefaultValue("10") int limit,
    @DefaultValue("5MB") DataSize evidenceMaxSize,
    @DefaultValue("50") int reviewPageSize,
    @DefaultValue("30d") Duration rejectionsShownFor,
    @DefaultValue BindingAttempts bindingAttempts,
    @DefaultValue ComingOfAgeJob comingOfAge,
    @DefaultValue EvidenceRetentionJob evidenceRetention) {

  /**
   * @param limit failed binding attempts (no match in the register, not eligible) a holder may make
   *     within the window (5)
   * @param window how long a failed attempt counts, rolling (24 hours)
   */
  public record BindingAttempts(
      @DefaultValue("5") int limit, @DefaultValue("24h") Duration window) {}

  /**
   * @param enabled off switch of the scheduled run (the check at use stays on)
   * @param cron when it runs (Spring cron, in {@code suishen.time-zone}); {@code -} also disables
   * @param batchSize bindings ended per transaction (each batch is one short transaction; several
   *     nodes share the work, rows one node holds are skipped by the others)
   * @param shownFor how long a binding ended by coming of age stays on the holder's list, with a
   *     notice (30 days)
   */
  public record ComingOfAgeJob(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("0 30 0 * * *") String cron,
      @DefaultValue("500") int batchSize,
      @DefaultValue("30d") Duration shownFor) {
    public ComingOfAgeJob {
      if (batchSize < 1 || shownFor.isNegative()) {
        throw new IllegalArgumentException(
            "suishen.dependants.coming-of-age: batch-size >= 1, shown-for >= 0");
      }
    }
  }

  /**
   * @param approved how long a page is kept after the approval, while a reviewer might re-check the
   *     binding (90 days)
   * @param rejected how long a page is kept after a rejection, while the holder sees it with its
   *     reason (30 days, as {@code rejections-shown-for}); the holder may apply again at any time
   * @param removed how long a page is kept after the application was withdrawn or the binding ended
   *     (0: at the next run)
   * @param enabled off switch of the scheduled purge (pages are then kept)
   * @param cron when it runs (Spring cron, in {@code suishen.time-zone}); {@code -} also disables
   * @param batchSize pages deleted per transaction (several nodes share the work, rows one node
   *     holds are skipped by the others)
   */
  public record EvidenceRetentionJob(
      @DefaultValue("90d") Duration approved,
      @DefaultValue("30d") Duration rejected,
      @DefaultValue("0d") Duration removed,
      @DefaultValue("true") boolean enabled,
      @DefaultValue("0 45 3 * * *") String cron,
      @DefaultValue("200") int batchSize) {
    public EvidenceRetentionJob {
      if (batchSize < 1 || approved.isNegative() || rejected.isNegative() || removed.isNegative()) {
        throw new IllegalArgumentException(
            "suishen.dependants.evidence-retention: batch-size >= 1, periods >= 0");
      }
    }
  }

  public DependantsProperties {
    if (minorAgeLimit < 1 || elderlyAge <= minorAgeLimit) {
      throw new IllegalArgumentException(
          "suishen.dependants: need 0 < minor-age-limit < elderly-age");
    }
    if (limit < 1 || reviewPageSize < 1) {
      throw new IllegalArgumentException("suishen.dependants: limit and review-page-size >= 1");
    }
    if (evidenceMaxSize.toBytes() < 1 || rejectionsShownFor.isNegative()) {
      throw new IllegalArgumentException(
          "suishen.dependants: evidence-max-size > 0, rejections-shown-for >= 0");
    }
  }
}
