package org.suishen.appeals.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The figures of the appeals service (MISSION X3), under {@code suishen.appeals}.
 *
 * @param textMaxLength the longest appeal text, consultation question/answer and decision reason,
 *     in characters
 * @param nameMaxLength the longest corrected name, in characters
 * @param departmentMaxLength the longest department name on a consultation note
 * @param maxFiles the most evidence files on one appeal
 * @param maxFileSize the largest evidence file
 * @param minimumConsultations consultation notes a reviewer must record before deciding (the
 *     authority "checks with the departments concerned", 004 §06)
 * @param queueSize how many open appeals the reviewers' queue shows at once (oldest first)
 * @param evidenceRetention how long evidence files are kept after the answer, and the daily job
 *     that deletes them
 */
@ConfigurationProperties("suishen.appeals")
public record AppealsProperties(
    int textMaxLength,
    int nameMaxLength,
    int departmentMaxLength,
    int maxFiles,
    DataSize maxFileSize,
    int minimumConsultations,
    int queueSize,
    @DefaultValue EvidenceRetentionJob evidenceRetention) {

  /**
   * @param keepFor how long the files of a decided appeal are kept after the answer (180 days: the
   *     six months in which the answer may be taken to an administrative court)
   * @param enabled off switch of the scheduled purge (files are then kept)
   * @param cron when it runs (Spring cron, in {@code suishen.time-zone}); {@code -} also disables
   * @param batchSize appeals whose files are deleted per transaction (several nodes share the work,
   *     rows one node holds are skipped by the others)
   */
  public record EvidenceRetentionJob(
      @DefaultValue("180d") Duration keepFor,
      @DefaultValue("true") boolean enabled,
      @DefaultValue("0 15 3 * * *") String cron,
      @DefaultValue("100") int batchSize) {
    public EvidenceRetentionJob {
      if (batchSize < 1 || keepFor.isNegative()) {
        throw new IllegalArgumentException(
            "suishen.appeals.evidence-retention: batch-size >= 1, keep-for >= 0");
      }
    }
  }
}
